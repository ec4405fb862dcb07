package dev.opsbot.core.triage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A fact a source observed at a time: a pod OOMKilled at 02:33:10, a node under MemoryPressure since 02:20.
 *
 * @param at when it happened or began
 * @param subject the object it is about (a Pod, a Node, a Service, a PVC)
 * @param detail one line for people
 * @param attributes specifics named in {@link FindingKind}'s docs
 */
public record Finding(
        Instant at, String source, FindingKind kind, ObjectRef subject, String detail, Map<String, String> attributes) {
    public Finding {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        attributes = Map.copyOf(new TreeMap<>(attributes));
    }

    public String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }
}
