package dev.opsbot.tools.kubernetes.internal;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Instant;
import java.util.Objects;

/**
 * A core/v1 Event or an events.k8s.io/v1 Event in one shape. {@code at} is the last time it was observed:
 * {@code lastTimestamp}, else {@code series.lastObservedTime}, else {@code eventTime}, else first/creation time.
 *
 * @param uid the Event's uid; the same event read through both APIs has the same uid
 * @param count how often it was seen (series count or the deprecated count), at least 1
 */
public record KubeEvent(
        String uid,
        Instant at,
        String type,
        String reason,
        String message,
        String objectKind,
        String objectName,
        int count,
        String reporter) {
    public KubeEvent {
        Objects.requireNonNull(at, "at");
        type = nonNull(type);
        reason = nonNull(reason);
        message = nonNull(message).strip();
        objectKind = nonNull(objectKind);
        objectName = nonNull(objectName);
        count = Math.max(1, count);
        reporter = nonNull(reporter);
    }

    public boolean warning() {
        return "Warning".equals(type);
    }

    public boolean about(String kind, String name) {
        return objectKind.equals(kind) && objectName.equals(name);
    }

    /** Null when the event carries no time at all (it cannot be placed on a timeline). */
    public static KubeEvent of(Event event) {
        Instant at = first(
                Times.parse(event.getLastTimestamp()),
                event.getSeries() == null ? null : Times.parse(event.getSeries().getLastObservedTime()),
                Times.parse(event.getEventTime()),
                Times.parse(event.getFirstTimestamp()),
                Times.created(event.getMetadata()));
        if (at == null) {
            return null;
        }
        int count = event.getCount() != null
                ? event.getCount()
                : event.getSeries() != null && event.getSeries().getCount() != null
                        ? event.getSeries().getCount()
                        : 1;
        String reporter = event.getSource() != null && event.getSource().getComponent() != null
                ? event.getSource().getComponent()
                : event.getReportingComponent();
        ObjectReference object = event.getInvolvedObject();
        return new KubeEvent(
                event.getMetadata() == null ? null : event.getMetadata().getUid(),
                at,
                event.getType(),
                event.getReason(),
                event.getMessage(),
                object == null ? null : object.getKind(),
                object == null ? null : object.getName(),
                count,
                reporter);
    }

    public static KubeEvent of(io.fabric8.kubernetes.api.model.events.v1.Event event) {
        Instant at = first(
                event.getSeries() == null ? null : Times.parse(event.getSeries().getLastObservedTime()),
                Times.parse(event.getDeprecatedLastTimestamp()),
                Times.parse(event.getEventTime()),
                Times.parse(event.getDeprecatedFirstTimestamp()),
                Times.created(event.getMetadata()));
        if (at == null) {
            return null;
        }
        int count = event.getSeries() != null && event.getSeries().getCount() != null
                ? event.getSeries().getCount()
                : event.getDeprecatedCount() != null ? event.getDeprecatedCount() : 1;
        ObjectReference object = event.getRegarding();
        return new KubeEvent(
                event.getMetadata() == null ? null : event.getMetadata().getUid(),
                at,
                event.getType(),
                event.getReason(),
                event.getNote(),
                object == null ? null : object.getKind(),
                object == null ? null : object.getName(),
                count,
                event.getReportingController());
    }

    private static Instant first(Instant... candidates) {
        for (Instant candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
