package dev.opsbot.app.triage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.app.config.ConfigException;
import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.core.identity.CloudCredentials;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.identity.SessionCredentials;
import dev.opsbot.core.policy.PolicyCondition;
import dev.opsbot.core.policy.PolicyEffect;
import dev.opsbot.core.policy.PolicyEngine;
import dev.opsbot.core.policy.PolicyField;
import dev.opsbot.core.policy.PolicyRule;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sources.cost} and {@code sources.compliance} as {@code opsbot serve} wires them: read tools offered to the
 * model, not triage evidence, calling AWS in the asking person's own session under the guardrails given.
 */
class ModelReadToolsTest {
    private static final String CLUSTER = "  kubernetes:\n    enabled: true\n    masterUrl: https://127.0.0.1:1\n";
    private static final String COST = "  cost:\n    enabled: true\n";
    private static final String COMPLIANCE = "  compliance:\n    enabled: true\n    region: eu-west-1\n";
    // the SDK's stand-ins for AWS_ENDPOINT_URL_COST_EXPLORER and opsbot's own keys, which tests cannot set
    private static final String COST_ENDPOINT = "aws.endpointUrlCostExplorer";
    private static final String OPSBOTS_KEY = "aws.accessKeyId";
    private static final String OPSBOTS_SECRET = "aws.secretAccessKey";
    private static final String SESSION_TOKEN = "FwoGZXIvYXdzEALICE-SESSION-TOKEN";

    private final WireMockServer costExplorer = new WireMockServer(options().dynamicPort());

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        costExplorer.start();
        costExplorer.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService.GetAnomalies"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Anomalies\": []}")));
        System.setProperty(COST_ENDPOINT, costExplorer.baseUrl());
        System.setProperty(OPSBOTS_KEY, "AKIAOPSBOTSOWNKEY");
        System.setProperty(OPSBOTS_SECRET, "opsbots-own-secret");
    }

    @AfterEach
    void stop() {
        System.clearProperty(COST_ENDPOINT);
        System.clearProperty(OPSBOTS_KEY);
        System.clearProperty(OPSBOTS_SECRET);
        costExplorer.stop();
    }

    private OpsbotConfig config(String sources) throws IOException {
        Path file = dir.resolve("opsbot.yaml");
        Files.writeString(file, "identity:\n  environment: staging\nsources:\n" + sources);
        return ConfigLoader.load(file, Map.of("OPSBOT_PORT", "0"));
    }

    private static List<String> modelsAwsTools(ConfiguredTriage triage) {
        return triage.readTools().stream()
                .map(tool -> tool.spec().name())
                .filter(name -> name.startsWith("cost.") || name.startsWith("compliance."))
                .toList();
    }

    private static Tool tool(ConfiguredTriage triage, String name) {
        return triage.readTools().stream()
                .filter(tool -> tool.spec().name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static ToolContext alice() {
        CloudCredentials session = () -> new SessionCredentials(
                "ASIAALICESESSION",
                "alice-session-secret",
                SESSION_TOKEN,
                Instant.now().plus(Duration.ofMinutes(15)),
                "arn:aws:iam::111111111111:role/opsbot-read-oncall");
        return ToolContext.of(Principal.of("alice@example.com"), session, Duration.ofSeconds(10), Clock.systemUTC());
    }

    @Test
    void costAndComplianceAreReadToolsForTheModelNotEvidenceForTriage() throws IOException {
        try (ConfiguredTriage triage =
                ConfiguredTriage.create(config(CLUSTER + COST + COMPLIANCE), Clock.systemUTC())) {
            assertThat(modelsAwsTools(triage))
                    .containsExactly(
                            "cost.get_costs",
                            "cost.get_anomalies",
                            "compliance.config_rules",
                            "compliance.pod_security");
            assertThat(triage.readTools())
                    .filteredOn(
                            tool -> modelsAwsTools(triage).contains(tool.spec().name()))
                    .allSatisfy(tool -> assertThat(tool.spec().risk()).isEqualTo(Risk.READ));
            assertThat(triage.readTools())
                    .extracting(tool -> tool.spec().name())
                    .contains("kubernetes.list_pods");
            assertThat(triage.service().sourceNames()).containsExactly("kubernetes");
        }
    }

    @Test
    void withoutTheClusterComplianceOffersOnlyConfigRules() throws IOException {
        try (ConfiguredTriage triage = ConfiguredTriage.create(config(COMPLIANCE), Clock.systemUTC())) {
            assertThat(modelsAwsTools(triage)).containsExactly("compliance.config_rules");
            assertThat(triage.service().sourceNames()).isEmpty();
        }
    }

    @Test
    void offByDefaultTheModelGetsNeitherCostNorCompliance() throws IOException {
        try (ConfiguredTriage triage = ConfiguredTriage.create(config(CLUSTER), Clock.systemUTC())) {
            assertThat(modelsAwsTools(triage)).isEmpty();
            assertThat(triage.readTools()).isNotEmpty();
        }
    }

    @Test
    void theCostToolsCallAwsInTheAskingPersonsSessionNeverWithOpsbotsCredentials() throws IOException {
        try (ConfiguredTriage triage = ConfiguredTriage.create(config(COST), Clock.systemUTC())) {
            ToolResult result = tool(triage, "cost.get_anomalies").call(alice(), JsonNodeFactory.instance.objectNode());

            assertThat(result).isInstanceOf(ToolResult.NoData.class);
        }
        LoggedRequest request =
                costExplorer.findAll(postRequestedFor(urlEqualTo("/"))).getFirst();
        assertThat(request.getHeader("X-Amz-Security-Token")).isEqualTo(SESSION_TOKEN);
        assertThat(request.getHeader("Authorization"))
                .contains("Credential=ASIAALICESESSION/")
                .contains("/us-east-1/ce/aws4_request")
                .doesNotContain("AKIAOPSBOTSOWNKEY");
    }

    @Test
    void aPersonWithoutAnAwsIdentityIsRefusedAndNothingIsSent() throws IOException {
        ToolContext noIdentity =
                ToolContext.of(Principal.of("carol@example.com"), Duration.ofSeconds(5), Clock.systemUTC());

        try (ConfiguredTriage triage = ConfiguredTriage.create(config(COST), Clock.systemUTC())) {
            ToolResult result =
                    tool(triage, "cost.get_anomalies").call(noIdentity, JsonNodeFactory.instance.objectNode());

            assertThat(result).isInstanceOfSatisfying(ToolResult.Error.class, error -> assertThat(error.kind())
                    .isEqualTo(SourceFailure.Kind.FORBIDDEN));
        }
        costExplorer.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theGuardrailsGivenApplyInTheConfiguredEnvironment() throws IOException {
        TransportGuard noAnomaliesInStaging = new TransportGuard(new PolicyEngine(List.of(new PolicyRule(
                "no-anomalies-in-staging",
                PolicyEffect.DENY,
                "staging's anomalies are noise",
                PolicyCondition.of(Map.of(
                        PolicyField.ACTION, List.of("GetAnomalies"), PolicyField.ENVIRONMENT, List.of("staging")))))));

        try (ConfiguredTriage triage = ConfiguredTriage.create(config(COST), Clock.systemUTC(), noAnomaliesInStaging)) {
            ToolResult result = tool(triage, "cost.get_anomalies").call(alice(), JsonNodeFactory.instance.objectNode());

            assertThat(result).isInstanceOfSatisfying(ToolResult.Error.class, error -> {
                assertThat(error.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
                assertThat(error.reason()).contains("refused by rule no-anomalies-in-staging");
            });
        }
        costExplorer.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void complianceWithNoRegionAnywhereIsRefusedAtStartNamingTheKey() throws IOException {
        assumeThat(System.getenv("AWS_REGION"))
                .as("no region in the environment")
                .isNull();
        assumeThat(System.getenv("AWS_DEFAULT_REGION")).isNull();
        assumeThat(System.getenv("AWS_CONFIG_FILE")).isNull();
        assumeThat(Path.of(System.getProperty("user.home"), ".aws", "config")).doesNotExist();
        OpsbotConfig config = config("  compliance:\n    enabled: true\n");
        System.setProperty("aws.disableEc2Metadata", "true");
        try {
            assertThatThrownBy(() -> ConfiguredTriage.create(config, Clock.systemUTC()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("sources.compliance.region: is not set, and the AWS SDK's default chain");
        } finally {
            System.clearProperty("aws.disableEc2Metadata");
        }
    }
}
