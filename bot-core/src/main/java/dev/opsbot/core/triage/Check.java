package dev.opsbot.core.triage;

import java.util.Objects;

/**
 * Something a source looked at, and whether it was normal: "pods: 3 of 3 ready", "node conditions: normal". The
 * normal ones tell the on-call engineer what they need not look at again.
 */
public record Check(String source, String what, boolean normal, String detail) {
    public Check {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(detail, "detail");
    }

    public static Check normal(String source, String what, String detail) {
        return new Check(source, what, true, detail);
    }

    public static Check abnormal(String source, String what, String detail) {
        return new Check(source, what, false, detail);
    }
}
