package dev.opsbot.tools.compliance;

import static dev.opsbot.tools.aws.AwsJsonStubs.json;
import static dev.opsbot.tools.aws.AwsJsonStubs.json11;
import static dev.opsbot.tools.compliance.ConfigStubs.DESCRIBE;
import static dev.opsbot.tools.compliance.ConfigStubs.alice;
import static dev.opsbot.tools.compliance.ConfigStubs.aliceWithin;
import static dev.opsbot.tools.compliance.ConfigStubs.config;
import static dev.opsbot.tools.compliance.ConfigStubs.rules;
import static dev.opsbot.tools.compliance.ConfigStubs.sent;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.identity.CloudCredentials;
import dev.opsbot.core.identity.ElevationException;
import dev.opsbot.core.policy.PolicyCondition;
import dev.opsbot.core.policy.PolicyEffect;
import dev.opsbot.core.policy.PolicyEngine;
import dev.opsbot.core.policy.PolicyField;
import dev.opsbot.core.policy.PolicyRule;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.aws.AwsAccess;
import dev.opsbot.tools.aws.AwsJsonStubs;
import dev.opsbot.tools.aws.GuardedClient;
import dev.opsbot.tools.aws.ToolAnswers;
import dev.opsbot.tools.http.TestContexts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;

/** Every way AWS Config can fail becomes an error that says what to do and holds no credentials. */
class ConfigFailuresTest {
    @RegisterExtension
    static WireMockExtension aws = AwsJsonStubs.server();

    @AutoClose
    private final ComplianceConnection connection = ConfigStubs.connection(aws);

    private final ConfigRulesTool tool = new ConfigRulesTool(connection);

    private ToolResult.Error fails(ToolContext context) {
        return ToolAnswers.error(tool, context);
    }

    private ToolResult.Error fails() {
        return fails(alice());
    }

    @Test
    void accessDeniedNamesTheMissingPermission() {
        aws.stubFor(config(DESCRIBE).willReturn(AwsJsonStubs.error(400, "AccessDeniedException")));

        assertThat(fails())
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.FORBIDDEN,
                        "this identity lacks permission config:DescribeComplianceByConfigRule"));
    }

    @Test
    void throttlingIsUnavailableAndSaysToTryAgain() {
        aws.stubFor(config(DESCRIBE).willReturn(AwsJsonStubs.error(400, "ThrottlingException")));

        assertThat(fails())
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.UNAVAILABLE,
                        "AWS Config is unavailable: AWS is throttling requests (ThrottlingException); try again in a"
                                + " minute"));
    }

    @Test
    void aServerErrorIsUnavailableAfterOneRetry() {
        aws.stubFor(config(DESCRIBE).willReturn(AwsJsonStubs.error(503, "ServiceUnavailable")));

        ToolResult.Error error = fails();

        assertThat(error.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(error.reason()).startsWith("AWS Config is unavailable: AWS answered HTTP 503");
        assertThat(sent(aws, DESCRIBE)).hasSize(GuardedClient.MAX_ATTEMPTS);
    }

    @Test
    void anUnknownRuleIsNotFound() {
        aws.stubFor(config(DESCRIBE).willReturn(AwsJsonStubs.error(400, "NoSuchConfigRuleException")));

        assertThat(fails())
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.NOT_FOUND, "AWS Config: NoSuchConfigRuleException for test"));
    }

    @Test
    void aSlowAnswerTimesOutAtTheDeadline() {
        aws.stubFor(config(DESCRIBE).willReturn(json11(200, rules(null)).withFixedDelay(3000)));
        long started = System.nanoTime();

        ToolResult.Error error = fails(aliceWithin(Duration.ofMillis(700)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(error.kind()).isEqualTo(SourceFailure.Kind.TIMEOUT);
        assertThat(error.reason()).matches("AWS Config did not answer in \\d+ ms");
    }

    @Test
    void aPersonWithoutAnAwsIdentityIsRefusedAndNothingIsSent() {
        ToolContext noIdentity = ToolContext.of(TestContexts.ALICE, Duration.ofSeconds(10), Clock.systemUTC());

        assertThat(fails(noIdentity))
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.FORBIDDEN,
                        "this request carries no AWS identity (no read role was resolved for it)"));
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void aPersonWhomStsRefusesGetsTheBrokersReason() {
        CloudCredentials refused = () -> {
            throw new ElevationException(
                    ElevationException.Kind.ACCESS_DENIED, "opsbot may not assume opsbot-read-oncall for carol");
        };
        ToolContext context = ToolContext.of(TestContexts.ALICE, refused, Duration.ofSeconds(10), Clock.systemUTC());

        assertThat(fails(context))
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.FORBIDDEN, "opsbot may not assume opsbot-read-oncall for carol"));
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void aCallTheGuardrailsRefuseIsForbiddenNamingTheRuleAndIsNeverSent() {
        PolicyEngine noConfig = new PolicyEngine(List.of(new PolicyRule(
                "no-config-reads",
                PolicyEffect.DENY,
                "Config is read by the security team only",
                PolicyCondition.of(Map.of(PolicyField.RESOURCE, List.of("config"))))));
        AwsAccess access =
                new AwsAccess(ComplianceConnection.personsSession(), "production", new TransportGuard(noConfig));
        try (ComplianceConnection guarded =
                new ComplianceConnection(Region.EU_WEST_1, URI.create(aws.baseUrl()), access)) {
            ToolResult result = new ConfigRulesTool(guarded).call(alice(), json("{}"));

            assertThat(result).isInstanceOfSatisfying(ToolResult.Error.class, error -> {
                assertThat(error.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
                assertThat(error.reason())
                        .contains("DescribeComplianceByConfigRule")
                        .contains("refused by rule no-config-reads");
            });
        }
        assertThat(aws.getAllServeEvents()).isEmpty();
    }
}
