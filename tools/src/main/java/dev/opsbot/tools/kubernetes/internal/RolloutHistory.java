package dev.opsbot.tools.kubernetes.internal;

import dev.opsbot.core.triage.FieldChange;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Deployment's rollout history as what changed from one revision to the next, computed from the ReplicaSets it
 * owns the way {@code kubectl rollout history} finds them: revision from the {@code deployment.kubernetes.io/revision}
 * annotation, time from the ReplicaSet's creation.
 */
public final class RolloutHistory {
    public static final String REVISION_ANNOTATION = "deployment.kubernetes.io/revision";

    /**
     * One revision and what differs from the one before it.
     *
     * @param previous the revision before, or null for the oldest one kept
     * @param changes empty for the oldest one kept (nothing to compare with)
     */
    public record Revision(
            int revision, Integer previous, ReplicaSet replicaSet, Instant at, List<FieldChange> changes) {
        public Revision {
            changes = List.copyOf(changes);
        }

        public String name() {
            return replicaSet.getMetadata().getName();
        }
    }

    private RolloutHistory() {}

    /** Oldest revision first. */
    public static List<Revision> of(Deployment deployment, List<ReplicaSet> replicaSets) {
        List<ReplicaSet> owned = owned(deployment, replicaSets).stream()
                .filter(rs -> revision(rs) != null)
                .sorted(Comparator.comparingInt(RolloutHistory::revision))
                .toList();
        List<Revision> history = new ArrayList<>();
        ReplicaSet before = null;
        for (ReplicaSet rs : owned) {
            List<FieldChange> changes = before == null
                    ? List.of()
                    : TemplateFields.diff(
                            before.getSpec().getTemplate(), rs.getSpec().getTemplate());
            Integer previous = before == null ? null : revision(before);
            history.add(new Revision(revision(rs), previous, rs, Times.created(rs.getMetadata()), changes));
            before = rs;
        }
        return history;
    }

    /** The ReplicaSets controlled by the Deployment: by owner uid, or by owner name when uids are absent. */
    public static List<ReplicaSet> owned(Deployment deployment, List<ReplicaSet> replicaSets) {
        String uid = deployment.getMetadata().getUid();
        String name = deployment.getMetadata().getName();
        return replicaSets.stream()
                .filter(rs -> rs.getMetadata().getOwnerReferences() != null)
                .filter(rs -> rs.getMetadata().getOwnerReferences().stream().anyMatch(o -> owns(o, uid, name)))
                .toList();
    }

    private static boolean owns(OwnerReference owner, String uid, String name) {
        if (!"Deployment".equals(owner.getKind())) {
            return false;
        }
        if (uid != null && owner.getUid() != null) {
            return uid.equals(owner.getUid());
        }
        return name.equals(owner.getName());
    }

    /** The revision annotation as a number, or null when absent or not a number. */
    public static Integer revision(HasMetadata object) {
        var annotations = object.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(REVISION_ANNOTATION);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /**
     * {@code resources.limits.memory 512Mi -> 128Mi, image a -> b (+2 more)}: the first {@code shown} changes by
     * importance, naming the container when the pod has several.
     */
    public static String describe(List<FieldChange> changes, int shown) {
        boolean manyContainers = changes.stream()
                        .map(FieldChange::container)
                        .filter(c -> !c.isEmpty())
                        .distinct()
                        .count()
                > 1;
        List<FieldChange> first = changes.stream()
                .sorted(Comparator.comparingInt(RolloutHistory::priority))
                .limit(shown)
                .toList();
        List<String> parts = new ArrayList<>();
        for (FieldChange change : first) {
            String prefix = manyContainers && !change.container().isEmpty() ? change.container() + " " : "";
            parts.add(prefix + change.describe());
        }
        String more = changes.size() > shown ? " (+" + (changes.size() - shown) + " more)" : "";
        return String.join(", ", parts) + more;
    }

    /** What breaks pods first comes first in a one-line summary: limits, image, probes, then the rest. */
    private static int priority(FieldChange change) {
        String field = change.field();
        if (field.startsWith("resources.limits.")) {
            return 0;
        }
        if (field.equals("image")) {
            return 1;
        }
        if (field.endsWith("Probe")) {
            return 2;
        }
        if (field.startsWith("resources.")) {
            return 3;
        }
        if (field.startsWith("env") || field.equals("volumes")) {
            return 4;
        }
        return 5;
    }
}
