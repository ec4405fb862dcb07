package dev.opsbot.tools.guard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.policy.PolicyCondition;
import dev.opsbot.core.policy.PolicyEffect;
import dev.opsbot.core.policy.PolicyEngine;
import dev.opsbot.core.policy.PolicyField;
import dev.opsbot.core.policy.PolicyRule;
import dev.opsbot.core.policy.PolicyViolation;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.cloudwatch.CloudWatchConnection;
import dev.opsbot.tools.cloudwatch.CloudWatchDefaults;
import dev.opsbot.tools.cloudwatch.CloudWatchLogSearch;
import dev.opsbot.tools.cloudwatch.TemplateVariables;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** The guardrails at the AWS transport: a refused operation never reaches the endpoint; reads do. */
class AwsTransportGuardTest {
    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static {
        Quiet.logs();
    }

    private static final StaticCredentialsProvider KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAALICEEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final TransportGuard guard =
            new TransportGuard(PolicyEngine.defaults(), audit, Clock.systemUTC(), TransportGuard.Listener.NONE);

    @BeforeEach
    void answerEverything() {
        aws.stubFor(post(anyUrl())
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{}")));
    }

    private CloudWatchLogsClient logs(String environment) {
        return CloudWatchLogsClient.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create(aws.baseUrl()))
                .credentialsProvider(KEYS)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new AwsGuard(guard, environment)))
                .build();
    }

    @Test
    void aWriteIsRefusedBeforeAnythingIsSent() {
        try (CloudWatchLogsClient client = logs("staging")) {
            assertThatThrownBy(() -> client.putRetentionPolicy(
                            b -> b.logGroupName("/eks/shop/checkout").retentionInDays(1)))
                    .isInstanceOfSatisfying(PolicyViolation.class, violation -> assertThat(violation.getMessage())
                            .isEqualTo("PutRetentionPolicy cloudwatchlogs (aws, staging) is refused by rule"
                                    + " writes-need-approval: a write needs a proposal that a person approved"
                                    + " (no approved proposal is being executed)"));
        }

        assertThat(aws.getAllServeEvents()).isEmpty();
        assertThat(audit.events(AuditEvent.GuardrailRefused.class))
                .singleElement()
                .satisfies(event -> assertThat(event.actor()).isEqualTo("opsbot"));
    }

    @Test
    void deletingALogGroupInProductionIsRefusedAsDataLoss() {
        try (CloudWatchLogsClient client = logs("production")) {
            assertThatThrownBy(() -> client.deleteLogGroup(b -> b.logGroupName("/eks/shop/checkout")))
                    .isInstanceOfSatisfying(PolicyViolation.class, violation -> assertThat(
                                    violation.decision().rule())
                            .isEqualTo("no-aws-data-loss-in-production"));
        }

        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void aMetricsWriteIsRefusedOnTheCloudWatchClientToo() {
        try (CloudWatchClient client = CloudWatchClient.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create(aws.baseUrl()))
                .credentialsProvider(KEYS)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new AwsGuard(guard, "production")))
                .build()) {
            assertThatThrownBy(() -> client.deleteAlarms(b -> b.alarmNames("checkout-5xx")))
                    .isInstanceOf(PolicyViolation.class);
        }

        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void aReadPassesAndReachesTheEndpoint() {
        try (CloudWatchLogsClient client = logs("production")) {
            assertThatCode(() -> client.describeLogGroups(b -> b.logGroupNamePrefix("/eks/shop")))
                    .doesNotThrowAnyException();
        }

        assertThat(aws.getAllServeEvents()).singleElement().satisfies(event -> assertThat(
                        event.getRequest().getHeader("X-Amz-Target"))
                .isEqualTo("Logs_20140328.DescribeLogGroups"));
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void theCloudWatchConnectionCarriesTheGuardItIsGiven() {
        PolicyEngine noLogsQueries = new PolicyEngine(List.of(new PolicyRule(
                "no-logs-insights",
                PolicyEffect.DENY,
                "Logs Insights is billed per byte scanned",
                PolicyCondition.of(Map.of(PolicyField.ACTION, List.of("StartQuery"))))));
        URI endpoint = URI.create(aws.baseUrl());
        try (CloudWatchConnection connection = new CloudWatchConnection(
                Region.EU_WEST_1,
                endpoint,
                endpoint,
                context -> KEYS,
                "production",
                new TransportGuard(noLogsQueries))) {
            CloudWatchLogSearch search = new CloudWatchLogSearch(
                    connection,
                    List.of("/eks/${namespace}/${service}"),
                    CloudWatchDefaults.ERROR_QUERY,
                    TemplateVariables.NONE,
                    Duration.ofMillis(100));
            ToolContext context =
                    ToolContext.of(Principal.of("alice@example.com"), Duration.ofSeconds(5), Clock.systemUTC());

            assertThatThrownBy(() -> search.errorLines(
                            "checkout", "shop", Instant.now().minusSeconds(600), Instant.now(), context))
                    .isInstanceOfSatisfying(
                            PolicyViolation.class,
                            violation -> assertThat(violation.decision().rule()).isEqualTo("no-logs-insights"));
        }

        assertThat(aws.getAllServeEvents()).isEmpty();
    }
}
