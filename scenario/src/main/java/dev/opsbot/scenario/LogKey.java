package dev.opsbot.scenario;

import java.util.Objects;

/**
 * Which container log a text is: {@code logs/<namespace>/<pod>/<container>.log}, or the previous instance of that
 * container ({@code <container>.previous.log}), what {@code kubectl logs --previous} shows.
 */
public record LogKey(String namespace, String pod, String container, boolean previous) {
    public LogKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(container, "container");
    }

    public static LogKey current(String namespace, String pod, String container) {
        return new LogKey(namespace, pod, container, false);
    }

    public static LogKey previous(String namespace, String pod, String container) {
        return new LogKey(namespace, pod, container, true);
    }

    /** {@code shop/checkout-7d9c/checkout}, with {@code /previous} appended for the previous instance. */
    @Override
    public String toString() {
        return namespace + "/" + pod + "/" + container + (previous ? "/previous" : "");
    }
}
