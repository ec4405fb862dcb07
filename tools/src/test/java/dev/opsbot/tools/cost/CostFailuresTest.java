package dev.opsbot.tools.cost;

import static dev.opsbot.tools.aws.AwsJsonStubs.json;
import static dev.opsbot.tools.aws.AwsJsonStubs.json11;
import static dev.opsbot.tools.cost.CostResponses.anomalies;
import static dev.opsbot.tools.cost.CostResponses.page;
import static dev.opsbot.tools.cost.CostStubs.alice;
import static dev.opsbot.tools.cost.CostStubs.aliceWithin;
import static dev.opsbot.tools.cost.CostStubs.ce;
import static dev.opsbot.tools.cost.CostStubs.sent;
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
import dev.opsbot.core.tool.Tool;
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

/** Every way Cost Explorer can fail becomes an error that says what to do and holds no credentials. */
class CostFailuresTest {
    @RegisterExtension
    static WireMockExtension aws = AwsJsonStubs.server();

    @AutoClose
    private final CostConnection connection = CostStubs.connection(aws);

    private final Tool costs = new GetCostsTool(connection);
    private final Tool anomalies = new GetAnomaliesTool(connection);

    private ToolResult.Error costsFail() {
        return ToolAnswers.error(costs, alice());
    }

    @Test
    void accessDeniedNamesTheMissingPermissionOfEachTool() {
        aws.stubFor(ce("GetCostAndUsage").willReturn(AwsJsonStubs.error(400, "AccessDeniedException")));
        aws.stubFor(ce("GetAnomalies").willReturn(AwsJsonStubs.error(400, "AccessDeniedException")));

        assertThat(costsFail())
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.FORBIDDEN, "this identity lacks permission ce:GetCostAndUsage"));
        assertThat(ToolAnswers.error(anomalies, alice()))
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.FORBIDDEN, "this identity lacks permission ce:GetAnomalies"));
    }

    @Test
    void expiredSessionCredentialsAreForbiddenAndSaySo() {
        aws.stubFor(ce("GetCostAndUsage").willReturn(AwsJsonStubs.error(400, "ExpiredTokenException")));

        assertThat(costsFail())
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.FORBIDDEN,
                        "AWS Cost Explorer refused this identity's AWS credentials (ExpiredTokenException)"));
    }

    @Test
    void throttlingIsUnavailableAndSaysToTryAgain() {
        aws.stubFor(ce("GetCostAndUsage").willReturn(AwsJsonStubs.error(400, "ThrottlingException")));

        assertThat(costsFail())
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.UNAVAILABLE,
                        "AWS Cost Explorer is unavailable: AWS is throttling requests (ThrottlingException); try again"
                                + " in a minute"));
    }

    @Test
    void costExplorersRateLimitIsThrottlingToo() {
        aws.stubFor(ce("GetAnomalies").willReturn(AwsJsonStubs.error(400, "LimitExceededException")));

        assertThat(ToolAnswers.error(anomalies, alice()).kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
    }

    @Test
    void aServerErrorIsUnavailableAfterOneRetry() {
        aws.stubFor(ce("GetCostAndUsage").willReturn(AwsJsonStubs.error(500, "InternalServerError")));

        assertThat(costsFail())
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.UNAVAILABLE,
                        "AWS Cost Explorer is unavailable: AWS answered HTTP 500 (InternalServerError)"));
        assertThat(sent(aws, "GetCostAndUsage")).hasSize(GuardedClient.MAX_ATTEMPTS);
    }

    @Test
    void dataNotYetProcessedIsNotFound() {
        aws.stubFor(ce("GetCostAndUsage").willReturn(AwsJsonStubs.error(400, "DataUnavailableException")));

        assertThat(costsFail())
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.NOT_FOUND,
                        "AWS Cost Explorer has no data for this period yet: DataUnavailableException for test"));
    }

    @Test
    void aRefusedRequestPassesOnAwsReason() {
        aws.stubFor(ce("GetCostAndUsage").willReturn(AwsJsonStubs.error(400, "ValidationException")));

        assertThat(costsFail())
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.BAD_REQUEST,
                        "AWS Cost Explorer refused the request (ValidationException): ValidationException for test"));
    }

    @Test
    void aMalformedAnswerIsUnavailable() {
        aws.stubFor(ce("GetCostAndUsage").willReturn(json11(200, "{\"ResultsByTime\": [")));

        assertThat(costsFail().kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
    }

    @Test
    void aSlowAnswerTimesOutAtTheDeadline() {
        aws.stubFor(ce("GetCostAndUsage").willReturn(json11(200, page(null)).withFixedDelay(3000)));
        long started = System.nanoTime();

        ToolResult.Error error = ToolAnswers.error(costs, aliceWithin(Duration.ofMillis(700)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(error.kind()).isEqualTo(SourceFailure.Kind.TIMEOUT);
        assertThat(error.reason()).matches("AWS Cost Explorer did not answer in \\d+ ms");
    }

    @Test
    void noTimeLeftSendsNothing() {
        ToolResult.Error error = ToolAnswers.error(anomalies, aliceWithin(Duration.ZERO));

        assertThat(error)
                .isEqualTo(
                        new ToolResult.Error(SourceFailure.Kind.TIMEOUT, "AWS Cost Explorer did not answer in 0 ms"));
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void aPersonWithoutAnAwsIdentityIsRefusedAndNothingIsSent() {
        ToolContext noIdentity = ToolContext.of(TestContexts.ALICE, Duration.ofSeconds(10), Clock.systemUTC());

        assertThat(ToolAnswers.error(costs, noIdentity))
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.FORBIDDEN,
                        "this request carries no AWS identity (no read role was resolved for it)"));
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void stsBeingUnreachableIsUnavailable() {
        CloudCredentials down = () -> {
            throw new ElevationException(ElevationException.Kind.UNAVAILABLE, "AWS STS did not answer; try again");
        };
        ToolContext context = ToolContext.of(TestContexts.ALICE, down, Duration.ofSeconds(10), Clock.systemUTC());

        assertThat(ToolAnswers.error(anomalies, context))
                .isEqualTo(new ToolResult.Error(SourceFailure.Kind.UNAVAILABLE, "AWS STS did not answer; try again"));
    }

    @Test
    void aCallTheGuardrailsRefuseIsForbiddenNamingTheRuleAndIsNeverSent() {
        PolicyEngine noCostReads = new PolicyEngine(List.of(new PolicyRule(
                "no-billing-data",
                PolicyEffect.DENY,
                "billing data stays with finance",
                PolicyCondition.of(Map.of(PolicyField.ACTION, List.of("GetCostAndUsage"))))));
        aws.stubFor(ce("GetAnomalies").willReturn(json11(200, anomalies(null))));
        AwsAccess access =
                new AwsAccess(CostConnection.personsSession(), "production", new TransportGuard(noCostReads));
        try (CostConnection guarded = new CostConnection(null, URI.create(aws.baseUrl()), access)) {
            ToolResult.Error refused = ToolAnswers.error(new GetCostsTool(guarded), alice());

            assertThat(refused.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
            assertThat(refused.reason()).contains("GetCostAndUsage").contains("refused by rule no-billing-data");
            assertThat(new GetAnomaliesTool(guarded).call(alice(), json("{}"))).isInstanceOf(ToolResult.NoData.class);
        }
        assertThat(sent(aws, "GetCostAndUsage")).isEmpty();
        assertThat(sent(aws, "GetAnomalies")).hasSize(1);
    }
}
