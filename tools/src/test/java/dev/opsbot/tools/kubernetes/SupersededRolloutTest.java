package dev.opsbot.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.ChangeKind;
import dev.opsbot.tools.kubernetes.internal.RolloutHistory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A bad rollout that has since been rolled back still explains the incident, but it must not be offered for another
 * rollback: its "previous revision" would undo the rollback, or a good change made since.
 */
class SupersededRolloutTest {
    private final MockCluster cluster = new MockCluster();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void theRunningRolloutOffersTheRevisionBeforeIt() {
        cluster.seedYaml("checkout-oom.yaml");

        ChangeEvent rollout = rolloutTo(42);

        assertThat(rollout.previousRevision()).isEqualTo(41);
        assertThat(rollout.detail()).doesNotContain("no longer running");
    }

    @Test
    void aRolloutAlreadyRolledBackOffersNothingToReturnToAndSaysWhatRunsNow() {
        // what `kubectl rollout undo` leaves: revision 41's ReplicaSet renumbered 43, the Deployment at 43
        for (HasMetadata object : MockCluster.load("checkout-oom.yaml")) {
            boolean undone = object instanceof Deployment d
                            && d.getMetadata().getName().equals("checkout")
                    || object instanceof ReplicaSet && Integer.valueOf(41).equals(RolloutHistory.revision(object));
            if (undone) {
                object.getMetadata().getAnnotations().put(RolloutHistory.REVISION_ANNOTATION, "43");
            }
            cluster.seed(object);
        }

        ChangeEvent rollout = rolloutTo(42);

        assertThat(rollout.previousRevision()).isNull();
        assertThat(rollout.detail()).endsWith("; no longer running: the Deployment is at revision 43");
        assertThat(rollout.fields()).as("the diff still explains the incident").isNotEmpty();
    }

    private ChangeEvent rolloutTo(int revision) {
        List<ChangeEvent> rollouts = new KubernetesEvidence(cluster.access(false))
                .collect(Shop.investigation("checkout"), Shop.context()).changes().stream()
                        .filter(c -> c.kind() == ChangeKind.ROLLOUT
                                && Integer.valueOf(revision).equals(c.revision()))
                        .toList();
        assertThat(rollouts).hasSize(1);
        return rollouts.getFirst();
    }
}
