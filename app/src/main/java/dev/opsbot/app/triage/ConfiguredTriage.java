package dev.opsbot.app.triage;

import dev.opsbot.app.approval.Pause;
import dev.opsbot.app.approval.RecoveryVerifier;
import dev.opsbot.app.approval.VerificationSettings;
import dev.opsbot.app.config.ComplianceSourceConfig;
import dev.opsbot.app.config.ConfigException;
import dev.opsbot.app.config.CostSourceConfig;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.config.Secret;
import dev.opsbot.app.config.SourcesConfig;
import dev.opsbot.app.config.TriageConfig;
import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.triage.EvidenceSource;
import dev.opsbot.core.triage.TriageService;
import dev.opsbot.tools.actions.ActionTool;
import dev.opsbot.tools.actions.KubernetesActions;
import dev.opsbot.tools.argocd.ArgoCdActions;
import dev.opsbot.tools.argocd.ArgoCdClient;
import dev.opsbot.tools.argocd.ArgoCdEvidence;
import dev.opsbot.tools.argocd.ArgoCdTools;
import dev.opsbot.tools.aws.AwsAccess;
import dev.opsbot.tools.cloudwatch.CloudWatchConnection;
import dev.opsbot.tools.cloudwatch.CloudWatchDefaults;
import dev.opsbot.tools.cloudwatch.CloudWatchEvidence;
import dev.opsbot.tools.cloudwatch.CloudWatchLogSearch;
import dev.opsbot.tools.cloudwatch.CloudWatchSignals;
import dev.opsbot.tools.cloudwatch.CloudWatchTools;
import dev.opsbot.tools.cloudwatch.TemplateVariables;
import dev.opsbot.tools.compliance.ComplianceConnection;
import dev.opsbot.tools.compliance.ComplianceTools;
import dev.opsbot.tools.cost.CostConnection;
import dev.opsbot.tools.cost.CostTools;
import dev.opsbot.tools.github.GitHubClient;
import dev.opsbot.tools.github.GitHubEvidence;
import dev.opsbot.tools.github.GitHubTools;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import dev.opsbot.tools.kubernetes.KubernetesEvidence;
import dev.opsbot.tools.kubernetes.KubernetesTools;
import dev.opsbot.tools.prometheus.MetricsQuerier;
import dev.opsbot.tools.prometheus.PrometheusClient;
import dev.opsbot.tools.signals.MetricsEvidence;
import dev.opsbot.tools.signals.SignalQueries;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

/** The live sources named in {@code sources:} of the config, for {@code opsbot serve}. */
public final class ConfiguredTriage implements TriageBackend {
    private static final int MAX_REPLICAS = 50;
    private final TriageService service;
    private final List<AutoCloseable> resources;

    private final Actions.Factory actions;
    private final List<Tool> readTools;

    private ConfiguredTriage(
            TriageService service, List<AutoCloseable> resources, Actions.Factory actions, List<Tool> readTools) {
        this.readTools = List.copyOf(readTools);
        this.service = service;
        this.resources = List.copyOf(resources);
        this.actions = actions;
    }

    public static ConfiguredTriage create(OpsbotConfig config, Clock clock) {
        return create(config, clock, TransportGuard.defaults());
    }

    /** @param guard the guardrails every Kubernetes request and AWS call of every source passes */
    public static ConfiguredTriage create(OpsbotConfig config, Clock clock, TransportGuard guard) {
        String environment = config.identity().environment();
        TriageConfig triage = config.triage();
        List<EvidenceSource> sources = new ArrayList<>();
        List<AutoCloseable> resources = new ArrayList<>();
        SourcesConfig configured = config.sources();
        KubernetesAccess kubernetes = null;
        MetricsQuerier metrics = null;
        SignalQueries queries =
                SignalQueries.withOverrides(configured.prometheus().signals());
        List<ActionTool> tools = new ArrayList<>();
        List<Tool> reads = new ArrayList<>();
        if (configured.kubernetes().enabled()) {
            kubernetes = new KubernetesAccess(
                    kubernetesConfig(config), configured.kubernetes().impersonate(), environment, guard);
            resources.add(kubernetes);
            sources.add(new KubernetesEvidence(kubernetes));
            tools.addAll(KubernetesActions.all(kubernetes, MAX_REPLICAS));
            reads.addAll(KubernetesTools.readTools(kubernetes));
        }
        if (configured.prometheus().enabled()) {
            PrometheusClient.Builder prometheus = PrometheusClient.builder(
                            URI.create(configured.prometheus().url()))
                    .timeout(triage.sourceTimeout());
            Secret token = configured.prometheus().token();
            if (token != null) {
                prometheus.bearerToken(token::value);
            }
            metrics = prometheus.build();
            sources.add(new MetricsEvidence(
                    "prometheus", metrics, queries, configured.prometheus().step()));
        }
        if (configured.cloudwatch().enabled()) {
            sources.add(cloudWatch(config, resources, environment, guard, reads));
        }
        if (configured.argocd().enabled()) {
            Secret token = configured.argocd().token();
            ArgoCdClient argocd = new ArgoCdClient(
                    URI.create(configured.argocd().url()), person -> token == null ? null : token.value());
            sources.add(new ArgoCdEvidence(argocd));
            tools.addAll(ArgoCdActions.all(argocd));
            reads.addAll(ArgoCdTools.all(argocd));
        }
        if (configured.github().enabled()) {
            GitHubClient github = new GitHubClient(
                    URI.create(configured.github().url()),
                    person -> configured.github().token().value());
            sources.add(gitHub(config, github));
            reads.addAll(GitHubTools.all(github));
        }
        if (configured.cost().enabled()) {
            reads.addAll(cost(configured.cost(), resources, environment, guard));
        }
        if (configured.compliance().enabled()) {
            reads.addAll(compliance(configured.compliance(), kubernetes, resources, environment, guard));
        }
        TriageService service = new TriageService(
                sources,
                triage.sourceTimeout(),
                triage.defaultNamespace(),
                clock::instant,
                triage.window(),
                triage.budget(),
                clock);
        KubernetesAccess cluster = kubernetes;
        MetricsQuerier measured = metrics;
        Actions.Factory actions = (reader, window) -> new Actions(
                tools,
                new RecoveryVerifier(
                        cluster,
                        measured,
                        queries,
                        reader,
                        VerificationSettings.within(window),
                        Clock.systemUTC(),
                        Pause.sleeping()));
        return new ConfiguredTriage(service, resources, actions, reads);
    }

    /** Rollback, restart and scale on the configured cluster, sync and rollback on Argo CD; verified live. */
    @Override
    public Actions actions(java.util.function.Function<Proposal, Principal> reader, Duration verifyWindow) {
        return actions.create(reader, verifyWindow);
    }

    private static Config kubernetesConfig(OpsbotConfig config) {
        var kubernetes = config.sources().kubernetes();
        // without a master URL fabric8 finds the cluster itself: the in-cluster service account, or ~/.kube/config
        Config discovered = kubernetes.masterUrl() == null
                ? Config.autoConfigure(null)
                : new ConfigBuilder().withMasterUrl(kubernetes.masterUrl()).build();
        discovered.setRequestTimeout((int) kubernetes.requestTimeout().toMillis());
        discovered.setConnectionTimeout((int) kubernetes.requestTimeout().toMillis());
        return discovered;
    }

    /** CloudWatch reads go out in the asking person's own STS session, never with opsbot's credentials. */
    private static EvidenceSource cloudWatch(
            OpsbotConfig config,
            List<AutoCloseable> resources,
            String environment,
            TransportGuard guard,
            List<Tool> reads) {
        var cloudwatch = config.sources().cloudwatch();
        CloudWatchConnection connection = new CloudWatchConnection(
                cloudwatch.region() == null ? null : Region.of(cloudwatch.region()),
                null,
                null,
                CloudWatchConnection.personsSession(),
                environment,
                guard);
        resources.add(connection);
        Map<String, String> common = new LinkedHashMap<>();
        if (cloudwatch.targetGroupDimension() != null) {
            common.put("targetGroup", placeholders(cloudwatch.targetGroupDimension()));
        }
        if (cloudwatch.clusterName() != null) {
            common.put("cluster", cloudwatch.clusterName());
        }
        TemplateVariables variables = new TemplateVariables(common, Map.of());
        CloudWatchSignals signals = new CloudWatchSignals(connection, CloudWatchDefaults.signals(), variables);
        if (cloudwatch.logGroups().isEmpty()) {
            reads.addAll(CloudWatchTools.all(signals, null));
            return new CloudWatchEvidence(signals);
        }
        List<String> groups = cloudwatch.logGroups().stream()
                .map(ConfiguredTriage::placeholders)
                .toList();
        CloudWatchLogSearch logs = new CloudWatchLogSearch(
                connection,
                groups,
                CloudWatchDefaults.ERROR_QUERY,
                variables,
                CloudWatchLogSearch.DEFAULT_POLL_INTERVAL);
        reads.addAll(CloudWatchTools.all(signals, logs));
        return new CloudWatchEvidence(signals, logs);
    }

    /** Cost Explorer for the model only, in the asking person's own STS session, never with opsbot's credentials. */
    private static List<Tool> cost(
            CostSourceConfig cost, List<AutoCloseable> resources, String environment, TransportGuard guard) {
        CostConnection connection = new CostConnection(
                Region.of(cost.region()), null, new AwsAccess(CostConnection.personsSession(), environment, guard));
        resources.add(connection);
        return CostTools.all(connection);
    }

    /**
     * AWS Config for the model only, in the asking person's own STS session; pod security too when the cluster is
     * configured, through the same access (impersonating the person).
     */
    private static List<Tool> compliance(
            ComplianceSourceConfig compliance,
            KubernetesAccess kubernetes,
            List<AutoCloseable> resources,
            String environment,
            TransportGuard guard) {
        AwsAccess access = new AwsAccess(ComplianceConnection.personsSession(), environment, guard);
        ComplianceConnection connection;
        try {
            connection = new ComplianceConnection(
                    compliance.region() == null ? null : Region.of(compliance.region()), null, access);
        } catch (SdkClientException noRegion) {
            // the SDK's region chain found nothing: say which key to set, at start rather than on the first question
            throw new ConfigException(
                    "sources.compliance.region",
                    null,
                    "is not set, and the AWS SDK's default chain (AWS_REGION, the profile) has no region either",
                    "set it to the region whose Config rules to read, such as eu-west-1, or set AWS_REGION");
        }
        resources.add(connection);
        return ComplianceTools.all(connection, kubernetes);
    }

    /** The config writes {@code $service} ({@code ${...}} is environment substitution there); the tool wants {@code ${service}}. */
    private static String placeholders(String template) {
        return template.replace("$service", "${service}").replace("$namespace", "${namespace}");
    }

    private static GitHubEvidence gitHub(OpsbotConfig config, GitHubClient client) {
        var github = config.sources().github();
        Map<String, List<String>> byService = new LinkedHashMap<>();
        for (String repository : github.repositories()) {
            String name = repository.substring(repository.indexOf('/') + 1);
            byService.computeIfAbsent(name, n -> new ArrayList<>()).add(repository);
        }
        List<String> owners = github.repositories().stream()
                .map(repository -> repository.substring(0, repository.indexOf('/')))
                .distinct()
                .toList();
        return new GitHubEvidence(client, byService, owners);
    }

    /** Kubernetes, CloudWatch, Argo CD, GitHub, cost and compliance reads over the configured sources. */
    @Override
    public List<Tool> readTools() {
        return readTools;
    }

    @Override
    public TriageService service() {
        return service;
    }

    @Override
    public String description() {
        return service.sourceNames().isEmpty()
                ? "no sources configured (see sources: in docs/configuration.md)"
                : "live sources " + String.join(", ", service.sourceNames());
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing is best effort: one client failing to close must not keep the others open
            }
        }
    }
}
