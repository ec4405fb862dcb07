package dev.opsbot.core.triage;

import java.time.Duration;

/** Hears how each investigation from chat ended, for metrics. Implementations must be quick and must not throw. */
public interface InvestigationObserver {
    InvestigationObserver NONE = new InvestigationObserver() {};

    /** An answer was posted; {@code took} is from the question to the posted answer. */
    default void answered(TriageReport report, Duration took) {}

    /** The service asked about does not exist. */
    default void unknownService() {}

    /** The investigation failed as a whole (the person was told why). */
    default void failed(Throwable error) {}

    /** A question was not investigated because the person could not be acted for ({@code kind}: why). */
    default void refused(String kind) {}
}
