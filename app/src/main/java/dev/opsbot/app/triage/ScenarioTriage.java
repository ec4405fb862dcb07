package dev.opsbot.app.triage;

import dev.opsbot.app.config.TriageConfig;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.triage.EvidenceSource;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.SymptomKind;
import dev.opsbot.core.triage.TriageListener;
import dev.opsbot.core.triage.TriageService;
import dev.opsbot.scenario.Scenario;
import dev.opsbot.scenario.ScenarioServer;
import dev.opsbot.tools.argocd.ArgoCdClient;
import dev.opsbot.tools.argocd.ArgoCdEvidence;
import dev.opsbot.tools.github.GitHubClient;
import dev.opsbot.tools.github.GitHubEvidence;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import dev.opsbot.tools.kubernetes.KubernetesEvidence;
import dev.opsbot.tools.signals.MetricsEvidence;
import dev.opsbot.tools.signals.SignalQueries;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scenario served through the production clients: fabric8 against the mock API server, the Argo CD and GitHub
 * clients against local endpoints, and the PromQL signals against the scenario's samples. Investigations run "as
 * of" the scenario's {@code now} in its namespace.
 */
public final class ScenarioTriage implements TriageBackend {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioTriage.class);
    /** Scenario endpoints take any token; one is still sent so the clients run their production code path. */
    private static final String SCENARIO_TOKEN = "scenario";

    private static final int MAX_REPLICAS = 50;
    /** A moment of real time per look while verifying, so the thread shows the wait. */
    private static final java.time.Duration SCENARIO_POLL_PAUSE = java.time.Duration.ofMillis(200);

    private final ScenarioServer server;
    private final KubernetesAccess kubernetes;
    private final TriageService service;
    private volatile List<dev.opsbot.core.tool.Tool> readTools;

    private ScenarioTriage(ScenarioServer server, KubernetesAccess kubernetes, TriageService service) {
        this.server = server;
        this.kubernetes = kubernetes;
        this.service = service;
    }

    public static ScenarioTriage start(Scenario scenario, TriageConfig settings, Clock clock) {
        return start(scenario, settings, clock, TransportGuard.defaults(), "production");
    }

    /**
     * @param guard the guardrails every request to the scenario's API server passes, as in production
     * @param environment the environment the scenario stands for
     */
    public static ScenarioTriage start(
            Scenario scenario, TriageConfig settings, Clock clock, TransportGuard guard, String environment) {
        ScenarioServer server = ScenarioServer.start(scenario);
        KubernetesAccess kubernetes = null;
        try {
            // impersonating as in production: the scenario server does not enforce RBAC, but sees who asked
            kubernetes = new KubernetesAccess(server.kubernetesClient(), true, environment, guard);
            List<EvidenceSource> sources = sources(server, kubernetes);
            TriageService service = new TriageService(
                    sources,
                    settings.sourceTimeout(),
                    scenario.namespace(),
                    // the scenario's own clock: at its now, and later once an approved action moved it on
                    server.clock()::instant,
                    settings.window(),
                    settings.budget(),
                    clock);
            return new ScenarioTriage(server, kubernetes, service);
        } catch (RuntimeException e) {
            if (kubernetes != null) {
                kubernetes.close();
            }
            server.close();
            throw e;
        }
    }

    private static List<EvidenceSource> sources(ScenarioServer server, KubernetesAccess kubernetes) {
        List<EvidenceSource> sources = new ArrayList<>();
        sources.add(new KubernetesEvidence(kubernetes));
        sources.add(new MetricsEvidence(
                "prometheus", server.metrics(), SignalQueries.defaults(), MetricsEvidence.DEFAULT_STEP));
        if (!server.scenario().argocdApplications().isEmpty()) {
            sources.add(new ArgoCdEvidence(new ArgoCdClient(URI.create(server.argocdUrl()), p -> SCENARIO_TOKEN)));
        }
        if (!server.githubRepositories().isEmpty()) {
            List<String> owners = server.githubRepositories().stream()
                    .map(repo -> repo.substring(0, repo.indexOf('/')))
                    .distinct()
                    .toList();
            sources.add(new GitHubEvidence(
                    new GitHubClient(URI.create(server.githubUrl()), p -> SCENARIO_TOKEN), Map.of(), owners));
        }
        return sources;
    }

    /**
     * Asks the scenario's own question once, in the background, and throws the answer away: the first real question
     * then finds fabric8, Vert.x, the PromQL engine and Jackson loaded (cold, the first Kubernetes read alone takes
     * seconds) and is answered in well under the source deadline.
     */
    public ScenarioTriage warmUp() {
        Scenario scenario = server.scenario();
        Thread.ofVirtual().name("triage-warm-up").start(() -> {
            try {
                Investigation investigation = service.investigation(
                        scenario.question(), scenario.service(), scenario.namespace(), SymptomKind.HTTP_5XX);
                service.run(investigation, Principal.of("warm-up"), TriageListener.NONE);
            } catch (RuntimeException e) {
                LOG.debug("triage warm-up failed; the first question will be slower", e);
            }
        });
        return this;
    }

    /** The incident again from its start (see {@link ScenarioServer#replay()}): for load that needs one to fix. */
    public void replay() {
        server.replay();
    }

    /**
     * The model's reads of the scenario, through the same tools and clients as production: the cluster (as the
     * asking person, impersonated), and Argo CD and GitHub when the scenario has them.
     */
    @Override
    public List<dev.opsbot.core.tool.Tool> readTools() {
        List<dev.opsbot.core.tool.Tool> built = readTools;
        if (built == null) {
            // built once: each Argo CD and GitHub client holds an HTTP client of its own
            synchronized (this) {
                if (readTools == null) {
                    readTools = List.copyOf(buildReadTools());
                }
                built = readTools;
            }
        }
        return built;
    }

    private List<dev.opsbot.core.tool.Tool> buildReadTools() {
        List<dev.opsbot.core.tool.Tool> tools =
                new ArrayList<>(dev.opsbot.tools.kubernetes.KubernetesTools.readTools(kubernetes));
        if (!server.scenario().argocdApplications().isEmpty()) {
            tools.addAll(dev.opsbot.tools.argocd.ArgoCdTools.all(
                    new ArgoCdClient(URI.create(server.argocdUrl()), p -> SCENARIO_TOKEN)));
        }
        if (!server.githubRepositories().isEmpty()) {
            tools.addAll(dev.opsbot.tools.github.GitHubTools.all(
                    new GitHubClient(URI.create(server.githubUrl()), p -> SCENARIO_TOKEN)));
        }
        return tools;
    }

    public Scenario scenario() {
        return server.scenario();
    }

    /**
     * Rollback, restart and scale against the scenario's cluster, through the same tools and guardrails as production;
     * verification reads the cluster and the metrics, whose simulated controller rolls changes out at once. Waiting
     * between looks advances the scenario's clock (with a short real pause, so the thread shows progress) instead of
     * sleeping for minutes.
     */
    @Override
    public Actions actions(
            java.util.function.Function<dev.opsbot.core.approval.Proposal, Principal> reader,
            java.time.Duration verifyWindow) {
        java.util.List<dev.opsbot.tools.actions.ActionTool> tools =
                new java.util.ArrayList<>(dev.opsbot.tools.actions.KubernetesActions.all(kubernetes, MAX_REPLICAS));
        return new Actions(
                tools,
                new dev.opsbot.app.approval.RecoveryVerifier(
                        kubernetes,
                        server.metrics(),
                        SignalQueries.defaults(),
                        reader,
                        dev.opsbot.app.approval.VerificationSettings.within(verifyWindow),
                        server.clock(),
                        by -> {
                            Thread.sleep(SCENARIO_POLL_PAUSE);
                            server.advanceClock(by);
                        }));
    }

    /** Who the scenario's API server was asked as: each impersonated user with their groups. */
    public Map<String, List<String>> impersonated() {
        return server.impersonated();
    }

    /** Every write the scenario's API server received, with who made it. */
    public List<dev.opsbot.scenario.ScenarioWrite> writes() {
        return server.writes();
    }

    @Override
    public TriageService service() {
        return service;
    }

    @Override
    public String description() {
        return "scenario " + server.scenario().name() + " (" + String.join(", ", service.sourceNames()) + ")";
    }

    @Override
    public void close() {
        kubernetes.close();
        server.close();
    }
}
