package dev.opsbot.tools.kubernetes.internal;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Kubernetes times as {@link Instant}s. The API sends them as RFC 3339 strings that may be absent or empty. */
public final class Times {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private Times() {}

    /** The instant in an RFC 3339 string, or null when it is absent or not a time. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }

    public static Instant parse(MicroTime time) {
        return time == null ? null : parse(time.getTime());
    }

    public static Instant created(ObjectMeta meta) {
        return meta == null ? null : parse(meta.getCreationTimestamp());
    }

    /**
     * When an object last changed as far as the API tells: the newest of its creation and its managedFields times.
     * Kubernetes keeps no history of ConfigMaps or NetworkPolicies, so this is the only change time there is.
     */
    public static Instant changed(ObjectMeta meta) {
        Instant newest = created(meta);
        if (meta == null || meta.getManagedFields() == null) {
            return newest;
        }
        for (ManagedFieldsEntry entry : meta.getManagedFields()) {
            newest = latest(newest, parse(entry.getTime()));
        }
        return newest;
    }

    /** The manager of the newest managedFields entry ("kubectl-edit", "argocd-controller"), or empty. */
    public static String lastManager(ObjectMeta meta) {
        if (meta == null || meta.getManagedFields() == null) {
            return "";
        }
        Instant newest = null;
        String manager = "";
        for (ManagedFieldsEntry entry : meta.getManagedFields()) {
            Instant at = parse(entry.getTime());
            if (at != null && (newest == null || at.isAfter(newest))) {
                newest = at;
                manager = entry.getManager() == null ? "" : entry.getManager();
            }
        }
        return manager;
    }

    public static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    public static boolean within(Instant at, Instant from, Instant to) {
        return at != null && !at.isBefore(from) && !at.isAfter(to);
    }

    /** ISO-8601 for JSON output, or null (left out) when unknown. */
    public static String iso(Instant at) {
        return at == null ? null : at.toString();
    }

    /** {@code 02:31} (UTC), for one-line details. */
    public static String clock(Instant at) {
        return at == null ? "?" : CLOCK.format(at);
    }
}
