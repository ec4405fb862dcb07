package dev.opsbot.app.triage;

import dev.opsbot.core.triage.TriageService;

/**
 * Where triage gets its evidence: the configured live sources ({@code serve}) or a scenario served through the same
 * clients ({@code demo}, {@code triage --scenario}). Closing it stops whatever it started (a mock API server, clients).
 */
public interface TriageBackend extends AutoCloseable {

    TriageService service();

    /**
     * The action tools over this backend's clients and the verifier reading its sources; none by default.
     *
     * @param reader whom verification reads as: a proposal's requester
     * @param verifyWindow how long verification watches for recovery
     */
    default Actions actions(
            java.util.function.Function<dev.opsbot.core.approval.Proposal, dev.opsbot.core.identity.Principal> reader,
            java.time.Duration verifyWindow) {
        return Actions.none();
    }

    /**
     * The READ tools over this backend's clients, which the model may call as the asking person; none by default.
     * Each reads as {@code ToolContext.actor()} (Kubernetes impersonation) or with {@code ToolContext.cloud()}.
     */
    default java.util.List<dev.opsbot.core.tool.Tool> readTools() {
        return java.util.List.of();
    }

    /** One line for the status command and the start-up log: which sources, against what. */
    String description();

    @Override
    void close();
}
