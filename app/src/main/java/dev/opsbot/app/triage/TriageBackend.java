package dev.opsbot.app.triage;

import dev.opsbot.core.triage.TriageService;

/**
 * Where triage gets its evidence: the configured live sources ({@code serve}) or a scenario served through the same
 * clients ({@code demo}, {@code triage --scenario}). Closing it stops whatever it started (a mock API server, clients).
 */
public interface TriageBackend extends AutoCloseable {

    TriageService service();

    /** One line for the status command and the start-up log: which sources, against what. */
    String description();

    @Override
    void close();
}
