package dev.opsbot.app.triage;

import dev.opsbot.core.approval.ActionVerifier;
import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.tools.actions.ActionTool;
import java.util.List;
import java.util.function.Function;

/**
 * What a triage backend can change, and how it checks a change worked: the action tools over its own clients (the
 * same cluster the evidence came from) and a verifier reading that cluster and those metrics.
 */
public record Actions(List<ActionTool> tools, ActionVerifier verifier) {
    public Actions {
        tools = List.copyOf(tools);
    }

    /** No action tools: every remediation stays a suggestion in the answer. */
    public static Actions none() {
        return new Actions(
                List.of(),
                (proposal, outcome) -> new ActionVerifier.Verification(false, "no way to verify is configured"));
    }

    /** Builds the actions of a backend once it knows how to read as a proposal's requester. */
    @FunctionalInterface
    public interface Factory {
        Actions create(Function<Proposal, Principal> reader, java.time.Duration verifyWindow);
    }
}
