package dev.opsbot.core.triage;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Log errors grouped by shape: numbers, ids and addresses are masked so that ten thousand timeouts are one line
 * with a count.
 *
 * @param signature the masked message ({@code connection refused: payments.shop.svc:<n>})
 * @param downstream the service or host the errors name, or empty ({@code payments}, {@code api.stripe.com})
 * @param first first occurrence with a time, or null when no line had one
 * @param last last occurrence with a time, or null
 * @param sample one real line, shortened
 * @param pods the pods it came from
 */
public record LogSignature(
        String source,
        LogCategory category,
        String signature,
        String downstream,
        int count,
        Instant first,
        Instant last,
        String sample,
        Set<String> pods) {
    public LogSignature {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(signature, "signature");
        downstream = downstream == null ? "" : downstream;
        Objects.requireNonNull(sample, "sample");
        pods = Set.copyOf(new TreeSet<>(pods));
    }
}
