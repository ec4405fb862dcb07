package dev.opsbot.core.memory;

import java.util.Locale;

/** What a memory is. */
public enum MemoryKind {
    /** Something true about a system: "checkout is OOMKilled below 512Mi". */
    FACT,
    /** What fixed a cause: "rolling back checkout to the previous revision fixed the OOM kills". */
    FIX,
    /** A step to take: "before scaling payments, warm its cache". */
    RUNBOOK,
    /** How the team wants things: "page #payments before touching their deployments". */
    PREFERENCE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MemoryKind fromJson(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
