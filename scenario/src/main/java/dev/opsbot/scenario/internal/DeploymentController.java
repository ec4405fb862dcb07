package dev.opsbot.scenario.internal;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Deployment controller for the mock API server, which has none: after a write to a Deployment it does at
 * once what the real controller does over a rollout, so that a rollback, restart or scale made through the API shows
 * in what is read back.
 *
 * <ul>
 *   <li>A new pod template becomes a new revision (the highest so far plus one). A ReplicaSet whose template is the
 *       same is taken over, as the real controller does on a rollback: it gets the new revision and the old one in
 *       {@code deployment.kubernetes.io/revision-history}. Otherwise a ReplicaSet {@code <name>-<hash>} is made.
 *   <li>Every pod of the Deployment's other ReplicaSets is deleted and {@code replicas} pods of the new one start.
 *       They are healthy (Running, Ready, no restarts) unless the Deployment had pods running the same thing — a
 *       restart of crashing pods gives crashing pods; see {@link SimulatedPods}.
 *   <li>A change of {@code replicas} alone adds pods like the ones there, or deletes the newest.
 *   <li>ReplicaSet and Deployment status, and the Endpoints listing the pods, are set as a finished rollout leaves
 *       them. Times come from the scenario's clock.
 * </ul>
 *
 * Each change is recorded as a {@link Rollout}, which the scenario's metrics follow.
 */
final class DeploymentController {
    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
    private static final Pattern DEPLOYMENT =
            Pattern.compile("/apis/apps/v1/namespaces/([^/]+)/deployments/([^/]+)(/scale)?");

    private final CrudStore store;
    private final ScenarioClock clock;
    private final Rollouts rollouts;

    DeploymentController(CrudStore store, ScenarioClock clock, Rollouts rollouts) {
        this.store = store;
        this.clock = clock;
        this.rollouts = rollouts;
    }

    /** Called after every write that succeeded: reconciles the Deployment it changed, if it changed one. */
    void afterWrite(String method, String path, int status) {
        if (status < 200 || status >= 300 || !(method.equals("PATCH") || method.equals("PUT"))) {
            return;
        }
        Matcher deployment = DEPLOYMENT.matcher(path);
        if (deployment.matches()) {
            reconcile(deployment.group(1), deployment.group(2));
        }
    }

    void reconcile(String namespace, String name) {
        Deployment deployment =
                store.get(CrudStore.collectionPath("apps/v1", namespace, "deployments"), name, Deployment.class);
        if (deployment == null
                || deployment.getSpec() == null
                || deployment.getSpec().getTemplate() == null) {
            return;
        }
        List<ReplicaSet> owned =
                store.list(CrudStore.collectionPath("apps/v1", namespace, "replicasets"), ReplicaSet.class).stream()
                        .filter(rs -> ownedBy(rs, deployment))
                        .toList();
        List<Pod> pods = store.list(CrudStore.collectionPath("v1", namespace, "pods"), Pod.class);
        ReplicaSet current = owned.stream()
                .max(Comparator.comparingInt(DeploymentController::revision))
                .orElse(null);
        int replicas = deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
        Instant at = clock.instant();
        if (current != null
                && Templates.same(
                        current.getSpec().getTemplate(), deployment.getSpec().getTemplate())) {
            scale(deployment, current, owned, podsOf(pods, List.of(current)), replicas, at);
        } else {
            rollout(deployment, owned, pods, replicas, at);
        }
    }

    private void rollout(Deployment deployment, List<ReplicaSet> owned, List<Pod> pods, int replicas, Instant at) {
        int revision =
                owned.stream().mapToInt(DeploymentController::revision).max().orElse(0) + 1;
        ReplicaSet target = owned.stream()
                .filter(rs -> Templates.same(
                        rs.getSpec().getTemplate(), deployment.getSpec().getTemplate()))
                .findFirst()
                .map(rs -> takeOver(rs, revision))
                .orElseGet(() -> NewReplicaSets.of(deployment, revision, at));
        List<Pod> old = podsOf(pods, owned);
        List<Pod> like = podsOf(
                pods,
                owned.stream()
                        .filter(rs -> Templates.samePods(
                                rs.getSpec().getTemplate(), deployment.getSpec().getTemplate()))
                        .toList());
        List<String> nodes = old.stream()
                .map(p -> p.getSpec() == null ? null : p.getSpec().getNodeName())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        old.forEach(store::delete);
        for (ReplicaSet rs : owned) {
            if (!rs.getMetadata().getName().equals(target.getMetadata().getName())) {
                rs.getSpec().setReplicas(0);
                WorkloadStatus.replicaSet(rs, List.of());
                store.put(rs);
            }
        }
        List<Pod> started = new ArrayList<>();
        List<Rollout.NewPod> added = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            Pod sibling = like.isEmpty() ? null : like.get(i % like.size());
            String node = nodes.isEmpty() ? null : nodes.get(i % nodes.size());
            Pod pod = start(target, sibling, node, at, revision, i);
            started.add(pod);
            added.add(new Rollout.NewPod(
                    pod.getMetadata().getName(),
                    node,
                    sibling == null ? null : sibling.getMetadata().getName()));
        }
        target.getSpec().setReplicas(replicas);
        settle(deployment, target, started, revision, at);
        List<ReplicaSet> all = new ArrayList<>(owned);
        all.add(target);
        record(deployment, all, old, added, started, at);
    }

    private void scale(
            Deployment deployment,
            ReplicaSet current,
            List<ReplicaSet> owned,
            List<Pod> mine,
            int replicas,
            Instant at) {
        List<Pod> sorted = new ArrayList<>(mine);
        sorted.sort(
                Comparator.comparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp()))
                        .thenComparing(p -> p.getMetadata().getName()));
        List<Pod> removed = new ArrayList<>();
        while (sorted.size() > replicas) {
            Pod newest = sorted.removeLast();
            store.delete(newest);
            removed.add(newest);
        }
        List<Rollout.NewPod> added = new ArrayList<>();
        int revision = revision(current);
        for (int i = sorted.size(); i < replicas; i++) {
            Pod sibling = mine.isEmpty() ? null : mine.getFirst();
            String node = sibling == null || sibling.getSpec() == null
                    ? null
                    : sibling.getSpec().getNodeName();
            Pod pod = start(current, sibling, node, at, revision, i);
            sorted.add(pod);
            added.add(new Rollout.NewPod(
                    pod.getMetadata().getName(),
                    node,
                    sibling == null ? null : sibling.getMetadata().getName()));
        }
        current.getSpec().setReplicas(replicas);
        settle(deployment, current, sorted, revision, at);
        if (!removed.isEmpty() || !added.isEmpty()) {
            record(deployment, owned, removed, added, sorted, at);
        }
    }

    private Pod start(ReplicaSet replicaSet, Pod sibling, String node, Instant at, int revision, int index) {
        String seed = replicaSet.getMetadata().getName() + "/" + revision + "/" + index + "/" + at;
        String name = replicaSet.getMetadata().getName() + "-" + TemplateHash.podSuffix(seed);
        Pod pod = SimulatedPods.start(replicaSet, name, node, sibling, at, index);
        store.put(pod);
        return pod;
    }

    private void settle(Deployment deployment, ReplicaSet current, List<Pod> pods, int revision, Instant at) {
        WorkloadStatus.replicaSet(current, pods);
        store.put(current);
        if (deployment.getMetadata().getAnnotations() == null) {
            deployment.getMetadata().setAnnotations(new LinkedHashMap<>());
        }
        deployment.getMetadata().getAnnotations().put(REVISION, String.valueOf(revision));
        WorkloadStatus.deployment(deployment, current, pods, at);
        store.put(deployment);
    }

    private void record(
            Deployment deployment,
            List<ReplicaSet> replicaSets,
            List<Pod> removed,
            List<Rollout.NewPod> added,
            List<Pod> now,
            Instant at) {
        List<String> prefixes = new ArrayList<>(new LinkedHashSet<>(
                replicaSets.stream().map(rs -> rs.getMetadata().getName() + "-").toList()));
        String namespace = deployment.getMetadata().getNamespace();
        List<Endpoints> endpoints = store.list(CrudStore.collectionPath("v1", namespace, "endpoints"), Endpoints.class);
        EndpointsUpdate.after(endpoints, prefixes, now).forEach(store::put);
        rollouts.add(new Rollout(
                namespace,
                deployment.getMetadata().getName(),
                at,
                prefixes,
                removed.stream().map(p -> p.getMetadata().getName()).toList(),
                added));
    }

    /** The ReplicaSet of an earlier revision, taken over by the new one: it carries the new number now. */
    private static ReplicaSet takeOver(ReplicaSet replicaSet, int revision) {
        if (replicaSet.getMetadata().getAnnotations() == null) {
            replicaSet.getMetadata().setAnnotations(new LinkedHashMap<>());
        }
        Map<String, String> annotations = replicaSet.getMetadata().getAnnotations();
        String previous = annotations.get(REVISION);
        String history = annotations.get(REVISION_HISTORY);
        if (previous != null) {
            annotations.put(
                    REVISION_HISTORY, history == null || history.isBlank() ? previous : history + "," + previous);
        }
        annotations.put(REVISION, String.valueOf(revision));
        return replicaSet;
    }

    private static List<Pod> podsOf(List<Pod> pods, List<ReplicaSet> replicaSets) {
        return pods.stream()
                .filter(pod -> replicaSets.stream().anyMatch(rs -> ownedBy(pod, rs)))
                .toList();
    }

    private static boolean ownedBy(HasMetadata child, HasMetadata owner) {
        List<OwnerReference> owners = child.getMetadata().getOwnerReferences();
        if (owners == null) {
            return false;
        }
        String uid = owner.getMetadata().getUid();
        return owners.stream()
                .filter(o -> owner.getKind().equals(o.getKind()))
                .anyMatch(o -> uid != null && o.getUid() != null
                        ? uid.equals(o.getUid())
                        : owner.getMetadata().getName().equals(o.getName()));
    }

    static int revision(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(REVISION);
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
