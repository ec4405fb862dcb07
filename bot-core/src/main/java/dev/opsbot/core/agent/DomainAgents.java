package dev.opsbot.core.agent;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The specialists opsbot ships with. */
public final class DomainAgents {
    public static final DomainAgent KUBERNETES = new DomainAgent(
            "kubernetes",
            "Kubernetes: workloads, pods, restarts, OOM kills, probes, scheduling, nodes, HPAs, services and"
                    + " endpoints, network policies, config maps and volumes. Read pod logs and events to confirm"
                    + " a cause; compare the current rollout with the previous one.",
            List.of("kubernetes."),
            words(
                    "pods?",
                    "deployments?",
                    "crash\\w*",
                    "oom\\w*",
                    "restarts?",
                    "nodes?",
                    "kube\\w*",
                    "k8s",
                    "rollouts?",
                    "replicas?",
                    "probes?",
                    "hpa",
                    "namespaces?",
                    "evict\\w*",
                    "pending",
                    "schedul\\w*",
                    "containers?"));
    public static final DomainAgent OBSERVABILITY = new DomainAgent(
            "observability",
            "Observability: error rates, latency, saturation and traffic from metrics; error signatures in"
                    + " logs; when a symptom started and what moved with it.",
            List.of("prometheus.", "cloudwatch.", "signals."),
            words(
                    "5xx",
                    "4xx",
                    "errors?",
                    "latency",
                    "slow\\w*",
                    "timeouts?",
                    "metrics?",
                    "logs?",
                    "alerts?",
                    "p99",
                    "traffic",
                    "throughput",
                    "saturat\\w*",
                    "cpu",
                    "memory",
                    "dashboards?"));
    public static final DomainAgent CICD = new DomainAgent(
            "cicd",
            "CI/CD: what was deployed when, by which pipeline run, and what changed between revisions (Argo CD"
                    + " sync history, GitHub Actions runs and deployments).",
            List.of("argocd.", "github."),
            words(
                    "deploy\\w*",
                    "releases?",
                    "pipelines?",
                    "builds?",
                    "argo\\w*",
                    "github",
                    "workflows?",
                    "ci",
                    "cd",
                    "sync\\w*",
                    "commits?",
                    "changed",
                    "revisions?",
                    "rollback"));
    public static final DomainAgent COST = new DomainAgent(
            "cost",
            "Cost: AWS spend by service, account or tag over time, and cost anomalies with their root causes."
                    + " Say amounts with their currency and period.",
            List.of("cost."),
            words(
                    "costs?",
                    "spend\\w*",
                    "bill\\w*",
                    "budgets?",
                    "expensive",
                    "cheap\\w*",
                    "anomal\\w*",
                    "invoice",
                    "dollars?",
                    "usd",
                    "money"));
    public static final DomainAgent COMPLIANCE = new DomainAgent(
            "compliance",
            "Compliance: AWS Config rule compliance and the non-compliant resources, and Kubernetes pod-security"
                    + " findings against the baseline and restricted Pod Security Standards.",
            List.of("compliance."),
            words(
                    "complian\\w*",
                    "config rules?",
                    "pod security",
                    "psa",
                    "pss",
                    "privileged",
                    "audit\\w*",
                    "cis",
                    "security findings?",
                    "non-compliant",
                    "runasroot",
                    "hostpath"));

    private static final List<DomainAgent> ALL = List.of(KUBERNETES, OBSERVABILITY, CICD, COST, COMPLIANCE);

    private DomainAgents() {}

    public static List<DomainAgent> all() {
        return ALL;
    }

    /**
     * The specialists for an investigation of a service's symptom: its workload and its signals always, plus whoever
     * the question's words call for (CI/CD for "since the deploy?", cost, compliance).
     */
    public static List<DomainAgent> forInvestigation(String question) {
        java.util.Set<DomainAgent> agents = new java.util.LinkedHashSet<>(List.of(KUBERNETES, OBSERVABILITY));
        ALL.stream().filter(a -> a.matches(question)).forEach(agents::add);
        return List.copyOf(agents);
    }

    public static Optional<DomainAgent> named(String name) {
        return ALL.stream().filter(a -> a.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    private static Pattern words(String... alternatives) {
        return Pattern.compile("\\b(" + String.join("|", alternatives) + ")\\b", Pattern.CASE_INSENSITIVE);
    }
}
