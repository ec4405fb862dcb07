package dev.opsbot.core.memory;

import java.util.Objects;

/**
 * Where a memory applies: a team (its chat channel, such as {@code slack/C0INCIDENT}), and within it optionally one
 * service and namespace. A memory without a service applies to everything the team asks about.
 */
public record MemoryScope(String team, String service, String namespace) {
    public MemoryScope {
        Objects.requireNonNull(team, "team");
        if (team.isBlank()) {
            throw new IllegalArgumentException("a memory's team must not be blank");
        }
        service = blankToNull(service);
        namespace = blankToNull(namespace);
    }

    public static MemoryScope team(String team) {
        return new MemoryScope(team, null, null);
    }

    /** Whether a memory of this scope applies to a question in {@code question}'s scope. */
    public boolean appliesTo(MemoryScope question) {
        if (!team.equals(question.team)) {
            return false;
        }
        if (service != null && question.service != null && !service.equals(question.service)) {
            return false;
        }
        return namespace == null || question.namespace == null || namespace.equals(question.namespace);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
