package dev.opsbot.core.triage.rules;

import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.ChangeKind;
import dev.opsbot.core.triage.EvidenceSet;
import dev.opsbot.core.triage.Finding;
import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.LogCategory;
import dev.opsbot.core.triage.LogSignature;
import dev.opsbot.core.triage.ObjectRef;
import dev.opsbot.core.triage.OnsetDetector;
import dev.opsbot.core.triage.SignalName;
import dev.opsbot.core.triage.SignalSeries;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.EvidenceItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Calls that cannot get through: a new NetworkPolicy, DNS, expired certificates, rate limits, an exhausted
 * connection pool, a Service with no endpoints. Most of these are told by log signatures.
 */
final class NetworkRules {
    static final ObjectRef CLUSTER_DNS = ObjectRef.of("Service", "kube-system", "kube-dns");
    private static final Duration POLICY_LOOKBACK = Duration.ofMinutes(30);

    private NetworkRules() {}

    static List<Rule> all() {
        return List.of(
                NetworkRules::networkPolicy,
                NetworkRules::dns,
                NetworkRules::certificates,
                NetworkRules::rateLimited,
                NetworkRules::connectionPool,
                NetworkRules::noEndpoints);
    }

    static List<Candidate> networkPolicy(EvidenceSet evidence) {
        List<LogSignature> blocked = evidence.logs().stream()
                .filter(l -> l.category() == LogCategory.DNS_FAILURE || l.category() == LogCategory.DOWNSTREAM_ERROR)
                .toList();
        Instant onset = evidence.symptom().onset();
        List<Candidate> candidates = new ArrayList<>();
        for (ChangeEvent policy : evidence.changes(ChangeKind.NETWORK_POLICY)) {
            Instant reference = onset != null
                    ? onset
                    : blocked.isEmpty() ? null : blocked.getFirst().first();
            if (reference != null && policy.at().isBefore(reference.minus(POLICY_LOOKBACK))) {
                continue;
            }
            List<EvidenceItem> items = new ArrayList<>();
            items.add(Items.of(policy));
            blocked.stream().limit(2).map(Items::of).forEach(items::add);
            double score = blocked.isEmpty() ? 0.5 : 0.92;
            String summary = policy.target().display() + " created/changed at " + Times.clock(policy.at()) + " ("
                    + policy.detail() + ")"
                    + (blocked.isEmpty()
                            ? ""
                            : "; since then: " + blocked.getFirst().signature());
            candidates.add(new Candidate(
                    Cause.NETWORK_POLICY,
                    score,
                    Culprit.of(policy.target()),
                    summary,
                    items,
                    Remediations.deleteNetworkPolicy(policy.target()),
                    policy.at(),
                    true));
        }
        return candidates;
    }

    static List<Candidate> dns(EvidenceSet evidence) {
        List<LogSignature> failures = evidence.logs(LogCategory.DNS_FAILURE);
        if (failures.isEmpty()) {
            return List.of();
        }
        boolean policyChanged = !evidence.changes(ChangeKind.NETWORK_POLICY).isEmpty();
        List<EvidenceItem> items = failures.stream().limit(3).map(Items::of).toList();
        String summary = "name resolution failing (" + failures.getFirst().signature() + ")"
                + (policyChanged ? "" : " with no network policy change: cluster DNS is suspect");
        return List.of(new Candidate(
                Cause.DNS_FAILURE,
                policyChanged ? 0.5 : 0.82,
                Culprit.of(CLUSTER_DNS),
                summary,
                items,
                null,
                failures.getFirst().first(),
                false));
    }

    static List<Candidate> certificates(EvidenceSet evidence) {
        Optional<SignalSeries> expired = evidence.signals(SignalName.CERT_EXPIRY).stream()
                .filter(s -> s.min() < 0)
                .min(Comparator.comparingDouble(SignalSeries::min));
        List<LogSignature> logs = evidence.logs(LogCategory.CERT_EXPIRED);
        List<Finding> expiring = evidence.findings(FindingKind.CERT_EXPIRING);
        if (expired.isEmpty() && logs.isEmpty() && expiring.isEmpty()) {
            return List.of();
        }
        List<EvidenceItem> items = new ArrayList<>();
        Instant since =
                expired.map(s -> OnsetDetector.firstBelow(s.samples(), 0)).orElse(null);
        ObjectRef culprit;
        if (expired.isPresent()) {
            SignalSeries series = expired.get();
            String namespace = series.label("namespace").isEmpty() ? evidence.namespace() : series.label("namespace");
            String name = series.label("name").isEmpty() ? series.label("certificate") : series.label("name");
            culprit = ObjectRef.of("Certificate", namespace, name);
            items.add(new EvidenceItem(series.source(), since, "certificate " + name + " expired"));
        } else if (!expiring.isEmpty()) {
            culprit = expiring.getFirst().subject();
            since = expiring.getFirst().at();
        } else {
            String host = logs.getFirst().downstream();
            culprit = host.isEmpty() ? evidence.workload() : ObjectRef.of("ExternalService", "", host);
            since = logs.getFirst().first();
        }
        items.addAll(Items.of(expiring));
        logs.stream().limit(2).map(Items::of).forEach(items::add);
        String summary = "certificate " + culprit.name() + " expired"
                + (since == null ? "" : " at " + Times.clock(since))
                + (logs.isEmpty() ? "" : "; TLS calls fail: " + logs.getFirst().signature());
        return List.of(new Candidate(
                Cause.CERT_EXPIRED,
                expired.isPresent() || !expiring.isEmpty() ? 0.92 : 0.85,
                Culprit.of(culprit),
                summary,
                items,
                null,
                since,
                false));
    }

    static List<Candidate> rateLimited(EvidenceSet evidence) {
        List<LogSignature> limited = evidence.logs(LogCategory.RATE_LIMITED);
        if (limited.isEmpty()) {
            return List.of();
        }
        LogSignature top = limited.getFirst();
        int count = limited.stream().mapToInt(LogSignature::count).sum();
        ObjectRef culprit = top.downstream().isEmpty()
                ? ObjectRef.of("ExternalService", "", "unknown")
                : top.downstream().contains(".")
                        ? ObjectRef.of("ExternalService", "", top.downstream())
                        : ObjectRef.of("Service", evidence.namespace(), top.downstream());
        String summary = culprit.name() + " is rate-limiting us: " + count + " throttled call" + (count == 1 ? "" : "s")
                + (top.first() == null ? "" : " since " + Times.clock(top.first()));
        return List.of(new Candidate(
                Cause.RATE_LIMITED,
                0.86,
                Culprit.of(culprit),
                summary,
                limited.stream().limit(3).map(Items::of).toList(),
                null,
                top.first(),
                false));
    }

    static List<Candidate> connectionPool(EvidenceSet evidence) {
        List<LogSignature> exhausted = evidence.logs(LogCategory.DB_POOL_EXHAUSTED);
        if (exhausted.isEmpty()) {
            return List.of();
        }
        LogSignature top = exhausted.getFirst();
        Instant since = top.first();
        Optional<ChangeEvent> scaleUp = evidence.changes(ChangeKind.SCALE).stream()
                .filter(c -> since == null || !c.at().isAfter(since.plusSeconds(60)))
                .filter(c -> !scaledDown(c))
                .reduce((a, b) -> b);
        List<EvidenceItem> items = new ArrayList<>();
        scaleUp.ifPresent(c -> items.add(Items.of(c)));
        exhausted.stream().limit(2).map(Items::of).forEach(items::add);
        String summary = "database connection pool exhausted (" + top.signature() + ")"
                + scaleUp.map(c -> " after " + c.detail() + " at " + Times.clock(c.at()))
                        .orElse("");
        Integer before = scaleUp.map(c -> c.fields().stream()
                        .filter(f -> f.field().equals("replicas"))
                        .findFirst()
                        .map(f -> parse(f.before()))
                        .orElse(null))
                .orElse(null);
        ObjectRef target = scaleUp.map(ChangeEvent::target).orElse(evidence.workload());
        return List.of(new Candidate(
                Cause.DB_POOL_EXHAUSTED,
                scaleUp.isPresent() ? 0.88 : 0.8,
                Culprit.of(target),
                summary,
                items,
                before == null ? null : Remediations.scale(target, before),
                scaleUp.map(ChangeEvent::at).orElse(since),
                false));
    }

    static List<Candidate> noEndpoints(EvidenceSet evidence) {
        List<Finding> empty = evidence.findings(FindingKind.NO_ENDPOINTS);
        if (empty.isEmpty()) {
            return List.of();
        }
        Finding finding = empty.getFirst();
        boolean podsFailing = evidence.has(FindingKind.CRASH_LOOP)
                || evidence.has(FindingKind.OOM_KILLED)
                || evidence.has(FindingKind.IMAGE_PULL_FAILURE)
                || evidence.has(FindingKind.MISSING_CONFIG_OBJECT)
                || evidence.has(FindingKind.PROBE_FAILURE)
                || evidence.has(FindingKind.UNSCHEDULABLE)
                || evidence.has(FindingKind.EVICTED);
        String summary = finding.subject().display() + " has no ready endpoints"
                + (podsFailing
                        ? " because its pods are failing"
                        : " although its pods are ready: its selector matches no pod");
        return List.of(new Candidate(
                Cause.NO_ENDPOINTS,
                podsFailing ? 0.4 : 0.87,
                Culprit.of(finding.subject()),
                summary,
                Items.of(empty),
                null,
                finding.at(),
                false));
    }

    /** A scale-down leaves fewer pods holding connections: it cannot have exhausted the server's slots. */
    private static boolean scaledDown(ChangeEvent scale) {
        return scale.fields().stream()
                .filter(f -> f.field().equals("replicas"))
                .anyMatch(f ->
                        parse(f.before()) != null && parse(f.after()) != null && parse(f.after()) < parse(f.before()));
    }

    private static Integer parse(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
