package dev.opsbot.core.triage;

import dev.opsbot.core.triage.result.SourceStatus;

/** Progress of one investigation, for the "checking kubernetes ✓ prometheus …" status message. Calls may come from any thread. */
public interface TriageListener {
    TriageListener NONE = new TriageListener() {};

    default void sourceStarted(String source) {}

    default void sourceFinished(SourceStatus status) {}

    /** The service's errors named {@code service}; it is being investigated too. */
    default void followingDownstream(String service) {}
}
