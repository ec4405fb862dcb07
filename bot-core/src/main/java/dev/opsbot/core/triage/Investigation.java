package dev.opsbot.core.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One question being investigated: about which service, which symptom, and over which window. {@code now} is the
 * investigation clock (a scenario's {@code now}, or the wall clock in production).
 */
public record Investigation(
        String question, String namespace, String service, SymptomKind symptom, Instant now, Duration window) {
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    public Investigation {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(symptom, "symptom");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(window, "window");
    }

    /** The start of the window: evidence older than this is not collected. */
    public Instant from() {
        return now.minus(window);
    }

    /** The same question asked about another service: how triage follows a failing downstream. */
    public Investigation about(String otherService) {
        return new Investigation(question, namespace, otherService, SymptomKind.HTTP_5XX, now, window);
    }
}
