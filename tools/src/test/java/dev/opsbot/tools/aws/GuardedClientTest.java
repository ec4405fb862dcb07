package dev.opsbot.tools.aws;

import static dev.opsbot.tools.aws.AwsJsonStubs.error;
import static dev.opsbot.tools.aws.AwsJsonStubs.json11;
import static dev.opsbot.tools.aws.AwsJsonStubs.sent;
import static dev.opsbot.tools.aws.AwsJsonStubs.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.core.policy.PolicyCondition;
import dev.opsbot.core.policy.PolicyEffect;
import dev.opsbot.core.policy.PolicyEngine;
import dev.opsbot.core.policy.PolicyField;
import dev.opsbot.core.policy.PolicyRule;
import dev.opsbot.core.policy.PolicyViolation;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.config.ConfigClient;

/**
 * The clients every AWS tool builds: no identity of opsbot's own, the person's session and the deadline on each call,
 * one retry, and the guardrails before anything leaves. AWS Config stands in for any service here.
 */
class GuardedClientTest {
    private static final String DESCRIBE = "StarlingDoveService.DescribeConfigRules";
    private static final AwsFailures FAILURES = new AwsFailures("compliance", "AWS Config");

    @RegisterExtension
    static WireMockExtension aws = AwsJsonStubs.server();

    private static GuardedClient<ConfigClient> client(TransportGuard guard, GuardedClient.Refusals refusals) {
        AwsAccess access = new AwsAccess(PersonsSession.credentials("compliance"), "production", guard);
        return GuardedClient.build(
                ConfigClient.builder(), Region.EU_WEST_1, URI.create(aws.baseUrl()), access, FAILURES, refusals);
    }

    private static GuardedClient<ConfigClient> client() {
        return client(TransportGuard.defaults(), GuardedClient.Refusals.FORBIDDEN);
    }

    private static int describe(GuardedClient<ConfigClient> client, ToolContext context) {
        return client.call(context, "config:DescribeConfigRules", (config, asActor) -> config.describeConfigRules(
                        b -> b.overrideConfiguration(asActor))
                .configRules()
                .size());
    }

    private static ToolContext alice() {
        return AliceSession.asking(Duration.ofSeconds(10), Clock.systemUTC());
    }

    @Test
    void eachCallIsSignedWithThePersonsOwnSessionInTheGivenRegion() {
        aws.stubFor(target(DESCRIBE).willReturn(json11(200, Map.of("ConfigRules", List.of()))));
        try (GuardedClient<ConfigClient> client = client()) {
            assertThat(describe(client, alice())).isZero();
        }

        LoggedRequest request = sent(aws, DESCRIBE).getFirst();
        assertThat(AliceSession.authorization(request)).contains("/eu-west-1/config/aws4_request");
    }

    @Test
    void aCallThatForgetsThePersonsCredentialsIsForbiddenAndNeverFallsBackOnOpsbots() {
        try (GuardedClient<ConfigClient> client = client()) {
            SourceFailure failure = catchThrowableOfType(
                    SourceFailure.class,
                    () -> client.call(
                            alice(), "config:DescribeConfigRules", (config, asActor) -> config.describeConfigRules()));

            assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
            assertThat(failure.getMessage()).isEqualTo("AWS Config has no AWS credentials for this identity");
        }
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void aServerErrorIsTriedOnceMoreAndNoMore() {
        aws.stubFor(target(DESCRIBE).willReturn(error(500, "InternalFailure")));
        try (GuardedClient<ConfigClient> client = client()) {
            assertThatThrownBy(() -> describe(client, alice()))
                    .isInstanceOfSatisfying(SourceFailure.class, failure -> assertThat(failure.kind())
                            .isEqualTo(SourceFailure.Kind.UNAVAILABLE));
        }
        assertThat(sent(aws, DESCRIBE)).hasSize(GuardedClient.MAX_ATTEMPTS);
    }

    @Test
    void theCallTimeoutIsWhatIsLeftOfTheDeadlineAndNoTimeLeftSendsNothing() {
        aws.stubFor(target(DESCRIBE)
                .willReturn(json11(200, Map.of("ConfigRules", List.of())).withFixedDelay(3000)));
        try (GuardedClient<ConfigClient> client = client()) {
            SourceFailure none = catchThrowableOfType(
                    SourceFailure.class, () -> describe(client, AliceSession.asking(Duration.ZERO, Clock.systemUTC())));
            assertThat(none.getMessage()).isEqualTo("AWS Config did not answer in 0 ms");
            assertThat(aws.getAllServeEvents()).isEmpty();

            long started = System.nanoTime();
            SourceFailure slow = catchThrowableOfType(
                    SourceFailure.class,
                    () -> describe(client, AliceSession.asking(Duration.ofMillis(600), Clock.systemUTC())));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
            assertThat(slow.kind()).isEqualTo(SourceFailure.Kind.TIMEOUT);
        }
    }

    @Test
    void aCallTheGuardrailsRefuseIsNeverSentAndReachesTheCallerAsItAsked() {
        TransportGuard noConfig = new TransportGuard(new PolicyEngine(List.of(new PolicyRule(
                "no-config-reads",
                PolicyEffect.DENY,
                "Config is read by the security team only",
                PolicyCondition.of(Map.of(PolicyField.RESOURCE, List.of("config")))))));
        try (GuardedClient<ConfigClient> failing = client(noConfig, GuardedClient.Refusals.FORBIDDEN);
                GuardedClient<ConfigClient> throwing = client(noConfig, GuardedClient.Refusals.THROWN)) {
            assertThatThrownBy(() -> describe(failing, alice()))
                    .isInstanceOfSatisfying(SourceFailure.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
                        assertThat(failure.getMessage()).contains("refused by rule no-config-reads");
                    });
            assertThatThrownBy(() -> describe(throwing, alice()))
                    .isInstanceOfSatisfying(
                            PolicyViolation.class,
                            violation -> assertThat(violation.decision().rule()).isEqualTo("no-config-reads"));
        }
        assertThat(aws.getAllServeEvents()).isEmpty();
    }
}
