package dev.opsbot.core.triage;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a source knows exists in the namespace, used to tell "no such service" from "nothing wrong" and to suggest
 * close names. Only sources that can list workloads (Kubernetes) fill it; the others return {@link #UNKNOWN}.
 *
 * @param known whether this source can tell at all
 * @param names workload and Service names in the namespace
 * @param workload the workload that serves the investigated service, or null when none does
 * @param currentRevision its current revision, or null
 */
public record Inventory(boolean known, Set<String> names, ObjectRef workload, Integer currentRevision) {
    public static final Inventory UNKNOWN = new Inventory(false, Set.of(), null, null);

    public Inventory {
        names = Set.copyOf(new TreeSet<>(names));
    }

    public boolean targetFound() {
        return workload != null;
    }
}
