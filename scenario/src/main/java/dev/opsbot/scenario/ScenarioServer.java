package dev.opsbot.scenario;

import dev.opsbot.scenario.internal.ChangeEndpoints;
import dev.opsbot.scenario.internal.KubernetesMock;
import dev.opsbot.scenario.internal.Rollouts;
import dev.opsbot.scenario.internal.ScenarioClock;
import dev.opsbot.scenario.internal.SimulatedMetrics;
import dev.opsbot.tools.prometheus.MetricsQuerier;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Serves a {@link Scenario} through the same clients as production: its Kubernetes objects and pod logs from
 * fabric8's mock API server, its Argo CD applications and GitHub runs from a local HTTP server, its metrics from
 * {@link ScenarioMetrics}. Everything listens on 127.0.0.1 and free ports; {@link #close()} stops it all.
 *
 * <p>A simulated Deployment controller acts on writes to the mock API server (a rollback, restart or scale is rolled
 * out at once), and the metrics follow what it did. Both run on the scenario's {@link #clock()}, which starts at the
 * scenario's {@code now} and moves only when {@link #advanceClock advanced}: see the README, "Acting on a scenario".
 */
public final class ScenarioServer implements AutoCloseable {
    private final Scenario scenario;
    private final KubernetesMock kubernetes;
    private final ChangeEndpoints changes;
    private final ScenarioClock clock;
    private final Rollouts rollouts;
    private MetricsQuerier metrics;

    private ScenarioServer(
            Scenario scenario,
            KubernetesMock kubernetes,
            ChangeEndpoints changes,
            ScenarioClock clock,
            Rollouts rollouts) {
        this.scenario = scenario;
        this.kubernetes = kubernetes;
        this.changes = changes;
        this.clock = clock;
        this.rollouts = rollouts;
    }

    public static ScenarioServer start(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        ScenarioClock clock = new ScenarioClock(scenario.now());
        Rollouts rollouts = new Rollouts();
        KubernetesMock kubernetes = KubernetesMock.start(scenario, clock, rollouts);
        try {
            return new ScenarioServer(scenario, kubernetes, ChangeEndpoints.start(scenario), clock, rollouts);
        } catch (RuntimeException e) {
            kubernetes.close();
            throw e;
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The mock API server's URL, {@code http://127.0.0.1:PORT/}: a cluster's master URL. */
    public String kubernetesUrl() {
        return kubernetes.url();
    }

    /** The configuration to reach the mock API server: master URL, the scenario's namespace, nothing else. */
    public Config kubernetesConfig() {
        return kubernetes.config();
    }

    /** A fabric8 client of the mock API server, made on first use and closed with this server; no impersonation. */
    public KubernetesClient kubernetesClient() {
        return kubernetes.client();
    }

    /**
     * Who the API server was asked as: each {@code Impersonate-User} seen, with the {@code Impersonate-Group}s of
     * their latest request. A scenario server does not enforce RBAC; this lets a demo or test see who opsbot acted as.
     */
    public Map<String, List<String>> impersonated() {
        return kubernetes.impersonated();
    }

    /** Every write the API server received (an approved action's patch), in order, with who made it. */
    public List<ScenarioWrite> writes() {
        return kubernetes.writes();
    }

    /** Argo CD's base URL: the API is under {@code /api/v1/applications}. */
    public String argocdUrl() {
        return changes.url();
    }

    /** GitHub's API base URL (like {@code https://api.github.com}): the API is under {@code /repos/}. */
    public String githubUrl() {
        return changes.url();
    }

    /** The repositories the scenario has workflow runs or deployments for, {@code owner/repo}. */
    public List<String> githubRepositories() {
        Set<String> repositories = new LinkedHashSet<>(scenario.githubRuns().keySet());
        repositories.addAll(scenario.githubDeployments().keySet());
        return List.copyOf(repositories);
    }

    /** The scenario's OpenMetrics texts by file name; {@link ScenarioMetrics} answers PromQL over them. */
    public Map<String, String> metricFiles() {
        return scenario.metricFiles();
    }

    /**
     * PromQL over the scenario's metrics, built on first use: the samples of {@link ScenarioMetrics}, changed from the
     * moment of each rollout the simulated controller made (see the README). The same object answers before and after.
     */
    public synchronized MetricsQuerier metrics() {
        if (metrics == null) {
            metrics = SimulatedMetrics.of(scenario, rollouts);
        }
        return metrics;
    }

    /**
     * The scenario's time: starts at its {@code now} and stands still, however long the server runs, until
     * {@link #advanceClock advanced}. Changes made through the mock API server happen at this time.
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Moves the scenario's time forward, as waiting would: what verification does instead of sleeping.
     *
     * @return the new time
     */
    public Instant advanceClock(Duration by) {
        return clock.advance(by);
    }

    /**
     * The incident again, from its start: the API server's objects as the files have them (rollbacks and the
     * ReplicaSets and pods they made undone), the controller's rollouts forgotten, so the metrics are the recorded
     * ones, and the clock back at the scenario's {@code now}. For load that needs an incident to keep happening (the
     * soak); who asked and what was written stay recorded.
     */
    public void replay() {
        kubernetes.restoreObjects();
        rollouts.forget();
        clock.restart(scenario.now());
    }

    /** What the simulated controller rolled out so far, oldest first, in words ({@code Deployment shop/checkout ...}). */
    public List<String> rollouts() {
        return rollouts.all().stream()
                .map(r -> "Deployment " + r.namespace() + "/" + r.deployment() + " at " + r.at() + ": "
                        + r.removed().size() + " pods stopped, " + r.added().size() + " started")
                .toList();
    }

    @Override
    public void close() {
        try {
            changes.close();
        } finally {
            kubernetes.close();
        }
    }
}
