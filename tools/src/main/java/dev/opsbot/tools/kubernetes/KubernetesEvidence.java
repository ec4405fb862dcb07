package dev.opsbot.tools.kubernetes;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.EvidenceSource;
import dev.opsbot.core.triage.Inventory;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.SourceEvidence;
import dev.opsbot.tools.kubernetes.internal.ClusterFindings;
import dev.opsbot.tools.kubernetes.internal.EventFindings;
import dev.opsbot.tools.kubernetes.internal.FindingSink;
import dev.opsbot.tools.kubernetes.internal.HealthChecks;
import dev.opsbot.tools.kubernetes.internal.ObjectChanges;
import dev.opsbot.tools.kubernetes.internal.PodFindings;
import dev.opsbot.tools.kubernetes.internal.RolloutChanges;
import dev.opsbot.tools.kubernetes.internal.Snapshot;
import dev.opsbot.tools.kubernetes.internal.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Service;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kubernetes as an {@link EvidenceSource}: what exists in the namespace, which workload serves the service, what
 * changed in the window (rollouts with their field diffs, referenced ConfigMaps/Secrets, NetworkPolicies, scaling),
 * what is wrong now (findings from pod status, events, nodes, endpoints, HPAs), error signatures from the logs, and
 * the checks that came out normal. All reads run as the person, in parallel, under the context's deadline.
 *
 * <p>It fails as a whole ({@link SourceFailure}) only when Deployments or pods cannot be read; anything else it cannot
 * read becomes a gap next to the evidence it did find.
 */
public final class KubernetesEvidence implements EvidenceSource {
    /** Time kept back from the deadline to turn what was read into evidence. */
    private static final Duration MARGIN = Duration.ofMillis(100);

    private final KubernetesAccess access;

    public KubernetesEvidence(KubernetesAccess access) {
        this.access = access;
    }

    @Override
    public String name() {
        return KubernetesAccess.SOURCE;
    }

    @Override
    public SourceEvidence collect(Investigation investigation, ToolContext context) {
        Duration budget = context.remaining();
        if (budget.isZero()) {
            throw SourceFailure.timeout(name(), budget);
        }
        // the caller's clock may be a scenario's clock that does not move: deadlines are kept on the wall clock
        ToolContext live =
                new ToolContext(context.actor(), context.cloud(), Instant.now().plus(budget), Clock.systemUTC());
        // a short budget is all for reading; a longer one keeps the margin back for building the evidence
        Duration working = budget.compareTo(MARGIN.multipliedBy(5)) > 0 ? budget.minus(MARGIN) : budget;
        SourceEvidence.Builder evidence = SourceEvidence.builder(name());
        try (Fanout fanout = new Fanout(working, budget)) {
            Reads reads = new Reads(access, live, fanout);
            NamespaceReads namespace = new NamespaceReads(reads, investigation.namespace(), investigation.service());
            var deployments = namespace.deployments();
            var statefulSets = namespace.statefulSets();
            List<Service> services = namespace.services();
            Set<String> names = new TreeSet<>();
            for (List<? extends HasMetadata> objects :
                    List.of(deployments, statefulSets, namespace.daemonSets(), services)) {
                objects.forEach(o -> names.add(o.getMetadata().getName()));
            }
            Optional<Workload> found = Workload.resolve(investigation.service(), deployments, statefulSets, services);
            if (found.isEmpty()) {
                evidence.inventory(new Inventory(true, names, null, null));
                reads.gaps().forEach(evidence::gap);
                return evidence.build();
            }
            Workload workload = found.get();
            evidence.inventory(new Inventory(true, names, workload.ref(), workload.revision()));
            Service service =
                    workload.service(investigation.service(), services).orElse(null);
            investigate(workload, service, namespace, reads, investigation, evidence);
            reads.gaps().forEach(evidence::gap);
            return evidence.build();
        }
    }

    private static void investigate(
            Workload workload,
            Service service,
            NamespaceReads namespace,
            Reads reads,
            Investigation investigation,
            SourceEvidence.Builder evidence) {
        WorkloadReads workloadReads = new WorkloadReads(reads, investigation.namespace());
        Snapshot snapshot = workloadReads.read(workload, service, namespace);
        var nodeReads = workloadReads.startNodes(snapshot.pods());
        LogSampler logs = new LogSampler(reads, investigation.namespace());
        logs.start(snapshot.pods());
        List<Node> nodes = workloadReads.nodes(nodeReads);
        analyse(snapshot.withNodes(nodes == null ? List.of() : nodes), investigation, nodes != null, evidence);
        logs.collect(investigation, evidence);
        if (workload.deployment().isEmpty()) {
            evidence.gap("rollouts: revisions are compared for Deployments only, not for StatefulSets");
        }
    }

    private static void analyse(
            Snapshot snapshot, Investigation investigation, boolean nodesRead, SourceEvidence.Builder evidence) {
        List<ChangeEvent> changes = new ArrayList<>();
        changes.addAll(RolloutChanges.rollouts(snapshot, investigation));
        changes.addAll(ObjectChanges.config(snapshot, investigation));
        changes.addAll(ObjectChanges.networkPolicies(snapshot, investigation));
        changes.addAll(RolloutChanges.scales(snapshot, investigation));
        changes.sort(Comparator.comparing(ChangeEvent::at));
        changes.forEach(evidence::change);
        FindingSink findings = new FindingSink(evidence);
        PodFindings.collect(snapshot, investigation, findings);
        EventFindings.collect(snapshot, investigation, findings);
        ClusterFindings.collect(snapshot, investigation, findings);
        HealthChecks.record(snapshot, investigation, changes, nodesRead, evidence);
    }
}
