package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.result.Remediation;
import java.util.Optional;

/** Offers the fix an answer found, as a proposal of its own in the thread. */
@FunctionalInterface
public interface Proposer {
    Proposer NONE = (event, actor, report, responder) -> {};

    /** How a proposal's source starts when a model suggested it ({@code model: <model name>}). */
    String MODEL_SOURCE = "model:";

    void propose(ChatEvent event, Acting.Outcome.As actor, TriageReport report, Responder responder);

    /**
     * Offers a fix someone other than triage suggested (the model), saying so on the proposal.
     *
     * @param source who suggested it, as the proposal records it ({@code model: claude-3-5-sonnet})
     * @return why it was not proposed (no action tool of that name, a read), or empty when it was
     */
    default Optional<String> proposeSuggested(
            ChatEvent event, Acting.Outcome.As actor, Remediation fix, String source, Responder responder) {
        return Optional.of("proposals are not enabled");
    }
}
