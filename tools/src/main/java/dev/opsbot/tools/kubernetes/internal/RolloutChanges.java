package dev.opsbot.tools.kubernetes.internal;

import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.ChangeKind;
import dev.opsbot.core.triage.FieldChange;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.ObjectRef;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rollouts and replica changes of a Deployment inside the window. A rollout is a ReplicaSet revision created in the
 * window, described by the fields that changed from the revision before. A scale is an HPA's SuccessfulRescale, or a
 * ScalingReplicaSet of the current ReplicaSet that is neither part of a rollout nor the echo of an HPA rescale.
 */
public final class RolloutChanges {
    private static final Pattern NEW_SIZE = Pattern.compile("New size: (\\d+)");
    private static final Pattern SCALED =
            Pattern.compile("Scaled (up|down) replica set (\\S+) to (\\d+)(?: from (\\d+))?");
    private static final Duration HPA_ECHO = Duration.ofSeconds(60);
    private static final int SHOWN_FIELDS = 3;

    private RolloutChanges() {}

    /** The rollouts in the window, oldest first. */
    public static List<ChangeEvent> rollouts(Snapshot snapshot, Investigation inv) {
        List<ChangeEvent> changes = new ArrayList<>();
        Deployment deployment = snapshot.workload().deployment().orElse(null);
        if (deployment == null) {
            return changes;
        }
        ObjectRef target = snapshot.workload().ref();
        Integer running = RolloutHistory.revision(deployment);
        for (RolloutHistory.Revision revision : RolloutHistory.of(deployment, snapshot.replicaSets())) {
            if (!Times.within(revision.at(), inv.from(), inv.now())) {
                continue;
            }
            String what = revision.previous() == null
                    ? "first revision kept, nothing to compare with"
                    : revision.changes().isEmpty()
                            ? "no pod template change found"
                            : RolloutHistory.describe(revision.changes(), SHOWN_FIELDS);
            String separator = revision.previous() == null || revision.changes().isEmpty() ? " (" : ": ";
            String closing = separator.equals(" (") ? ")" : "";
            boolean superseded = running != null && revision.revision() < running;
            if (superseded) {
                closing += "; no longer running: the Deployment is at revision " + running;
            }
            changes.add(new ChangeEvent(
                    revision.at(),
                    "kubernetes",
                    ChangeKind.ROLLOUT,
                    target,
                    revision.revision(),
                    // Rolling back a revision that no longer runs would undo whatever replaced it (a rollback
                    // already done, a fix forward), so a superseded rollout offers nothing to return to.
                    superseded ? null : revision.previous(),
                    "",
                    "rollout to revision " + revision.revision() + separator + what + closing,
                    revision.changes()));
        }
        return changes;
    }

    public static List<ChangeEvent> scales(Snapshot snapshot, Investigation inv) {
        List<ChangeEvent> changes = new ArrayList<>();
        ObjectRef target = snapshot.workload().ref();
        List<KubeEvent> oldestFirst = snapshot.events().reversed().stream()
                .filter(e -> Times.within(e.at(), inv.from(), inv.now()))
                .toList();
        List<Instant> rescales = new ArrayList<>();
        String size = "";
        for (KubeEvent event : oldestFirst) {
            Matcher matcher = NEW_SIZE.matcher(event.message());
            if (event.reason().equals("SuccessfulRescale") && matcher.find()) {
                rescales.add(event.at());
                changes.add(new ChangeEvent(
                        event.at(),
                        "kubernetes",
                        ChangeKind.SCALE,
                        target,
                        null,
                        null,
                        "HorizontalPodAutoscaler/" + event.objectName(),
                        "HPA " + event.objectName() + " rescaled to " + matcher.group(1) + ": "
                                + PodStatuses.shorten(event.message(), 160),
                        List.of(new FieldChange("", "replicas", size, matcher.group(1)))));
                size = matcher.group(1);
            }
        }
        String current = currentReplicaSet(snapshot);
        Instant rolloutEnd = rolloutEnd(oldestFirst, current);
        for (KubeEvent event : oldestFirst) {
            Matcher matcher = SCALED.matcher(event.message());
            if (!event.reason().equals("ScalingReplicaSet")
                    || !matcher.find()
                    || !matcher.group(2).equals(current)) {
                continue;
            }
            boolean duringRollout = rolloutEnd != null && !event.at().isAfter(rolloutEnd);
            boolean hpaEcho = rescales.stream()
                    .anyMatch(r -> !event.at().isBefore(r) && event.at().isBefore(r.plus(HPA_ECHO)));
            if (!duringRollout && !hpaEcho) {
                String before = matcher.group(4) == null ? "" : matcher.group(4);
                changes.add(new ChangeEvent(
                        event.at(),
                        "kubernetes",
                        ChangeKind.SCALE,
                        target,
                        null,
                        null,
                        "",
                        "replica set " + current + " scaled " + matcher.group(1) + " to " + matcher.group(3),
                        List.of(new FieldChange("", "replicas", before, matcher.group(3)))));
            }
        }
        return changes;
    }

    /** The last time an older ReplicaSet was scaled: until then, scaling the current one is the rollout itself. */
    private static Instant rolloutEnd(List<KubeEvent> oldestFirst, String current) {
        Instant end = null;
        for (KubeEvent event : oldestFirst) {
            Matcher matcher = SCALED.matcher(event.message());
            if (event.reason().equals("ScalingReplicaSet")
                    && matcher.find()
                    && !matcher.group(2).equals(current)) {
                end = event.at();
            }
        }
        return end;
    }

    private static String currentReplicaSet(Snapshot snapshot) {
        return snapshot.workload()
                .deployment()
                .map(d -> RolloutHistory.of(d, snapshot.replicaSets()))
                .filter(history -> !history.isEmpty())
                .map(history -> history.getLast().name())
                .orElse("");
    }
}
