package dev.opsbot.core.triage;

import java.util.Objects;

/**
 * One field that differs between two revisions. {@code field} uses fixed names so rules can match:
 * {@code image}, {@code resources.limits.memory}, {@code resources.requests.memory}, {@code resources.limits.cpu},
 * {@code resources.requests.cpu}, {@code env.<NAME>}, {@code envFrom}, {@code readinessProbe},
 * {@code livenessProbe}, {@code startupProbe}, {@code annotations.<key>} (config checksums), {@code replicas},
 * {@code volumes}, {@code data.<key>} (ConfigMaps). {@code container} is empty for pod-level fields. Values are
 * rendered compactly ({@code 512Mi}, {@code httpGet /healthz:8080 delay=5s}); {@code before} is empty when added.
 */
public record FieldChange(String container, String field, String before, String after) {
    public FieldChange {
        container = container == null ? "" : container;
        Objects.requireNonNull(field, "field");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
    }

    /** {@code resources.limits.memory 512Mi -> 128Mi}. */
    public String describe() {
        return field + " " + (before.isEmpty() ? "(none)" : before) + " -> " + (after.isEmpty() ? "(none)" : after);
    }
}
