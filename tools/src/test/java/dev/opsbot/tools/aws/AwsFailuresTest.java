package dev.opsbot.tools.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.policy.PolicyDecision;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.policy.PolicyViolation;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.SourceFailure;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** One reading of the SDK's failures for every AWS tool, with each service's own codes added where it has them. */
class AwsFailuresTest {
    private static final Duration WAITED = Duration.ofMillis(700);
    private final AwsFailures plain = new AwsFailures("compliance", "AWS Config");
    private final AwsFailures cost = new AwsFailures("cost", "AWS Cost Explorer")
            .throttledAs("LimitExceededException")
            .notFoundAs("DataUnavailableException"::equals, "has no data for this period yet");

    private static AwsServiceException answered(int status, String code, String message) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .build())
                .build();
    }

    private static SdkClientException clientFailure(String message, Throwable cause) {
        return SdkClientException.builder().message(message).cause(cause).build();
    }

    private SourceFailure read(AwsFailures failures, SdkException e) {
        SourceFailure failure = failures.translate(e, "config:DescribeConfigRules", WAITED);
        assertThat(failure.source()).isEqualTo(failures.source());
        return failure;
    }

    private static void is(SourceFailure failure, SourceFailure.Kind kind, String message) {
        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.getMessage()).isEqualTo(message);
    }

    @Test
    void refusedCredentialsAreForbiddenNamingTheServiceAndTheCodeButNotAwsMessage() {
        SourceFailure failure =
                read(plain, answered(400, "ExpiredTokenException", "token FwoGZXIvYXdzE... has expired"));

        is(
                failure,
                SourceFailure.Kind.FORBIDDEN,
                "AWS Config refused this identity's AWS credentials" + " (ExpiredTokenException)");
    }

    @Test
    void aRefusalNamesThePermissionWhateverTheServiceCallsIt() {
        is(
                read(plain, answered(400, "AccessDeniedException", "no")),
                SourceFailure.Kind.FORBIDDEN,
                "this identity lacks permission config:DescribeConfigRules");
        is(
                read(plain, answered(403, "", null)),
                SourceFailure.Kind.FORBIDDEN,
                "this identity lacks permission config:DescribeConfigRules");
        assertThat(read(plain, answered(400, "NotAuthorized", "no")).kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
    }

    @Test
    void throttlingIsUnavailableAndAServicesOwnRateLimitCodeCountsOnlyForIt() {
        is(
                read(plain, answered(400, "ThrottlingException", "slow down")),
                SourceFailure.Kind.UNAVAILABLE,
                "AWS Config is unavailable: AWS is throttling requests (ThrottlingException); try again in a minute");
        is(
                read(plain, answered(429, "", null)),
                SourceFailure.Kind.UNAVAILABLE,
                "AWS Config is unavailable: AWS is throttling requests (HTTP 429); try again in a minute");

        assertThat(read(cost, answered(400, "LimitExceededException", "rate")).kind())
                .isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(read(plain, answered(400, "LimitExceededException", "too many rules"))
                        .kind())
                .as("elsewhere a limit is a refused request")
                .isEqualTo(SourceFailure.Kind.BAD_REQUEST);
    }

    @Test
    void somethingMissingIsNotFoundWithAwsMessageAndTheServicesOwnWords() {
        is(
                read(plain, answered(400, "ResourceNotFoundException", "no rule named x")),
                SourceFailure.Kind.NOT_FOUND,
                "AWS Config: no rule named x");
        is(read(plain, answered(404, "", null)), SourceFailure.Kind.NOT_FOUND, "AWS Config: no message");
        is(
                read(cost, answered(400, "DataUnavailableException", "not yet")),
                SourceFailure.Kind.NOT_FOUND,
                "AWS Cost Explorer has no data for this period yet: not yet");
        assertThat(read(plain, answered(400, "DataUnavailableException", "not yet"))
                        .kind())
                .isEqualTo(SourceFailure.Kind.BAD_REQUEST);
    }

    @Test
    void anotherRefusedRequestPassesOnAwsReasonCutShort() {
        SourceFailure failure = read(plain, answered(400, "ValidationException", "x".repeat(500)));

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.BAD_REQUEST);
        assertThat(failure.getMessage())
                .startsWith("AWS Config refused the request (ValidationException): xxx")
                .endsWith("x…")
                .hasSize("AWS Config refused the request (ValidationException): ".length() + 201);
    }

    @Test
    void aServerErrorIsUnavailableAndRetriable() {
        SourceFailure failure = read(plain, answered(503, "ServiceUnavailable", "down"));

        is(
                failure,
                SourceFailure.Kind.UNAVAILABLE,
                "AWS Config is unavailable: AWS answered HTTP 503" + " (ServiceUnavailable)");
        assertThat(failure.retriable()).isTrue();
    }

    @Test
    void theCallTimeoutIsATimeoutOfWhatWasWaited() {
        SourceFailure failure = read(plain, ApiCallTimeoutException.create(700));

        is(failure, SourceFailure.Kind.TIMEOUT, "AWS Config did not answer in 700 ms");
    }

    @Test
    void clientSideFailuresSayWhatToCheck() {
        is(
                read(plain, clientFailure("Unable to execute HTTP request", new ConnectException("refused"))),
                SourceFailure.Kind.UNAVAILABLE,
                "AWS Config is unavailable: cannot connect to its endpoint (connection refused)");
        is(
                read(plain, clientFailure("Unable to execute HTTP request", new UnknownHostException("config.x"))),
                SourceFailure.Kind.UNAVAILABLE,
                "AWS Config is unavailable: its endpoint's host name does not resolve");
        is(
                read(plain, clientFailure("Unable to unmarshall response", null)),
                SourceFailure.Kind.UNAVAILABLE,
                "AWS Config is unavailable: its answer could not be read (malformed response)");
        is(
                read(
                        plain,
                        clientFailure("AWS Config calls carry the acting person's credentials; none were given", null)),
                SourceFailure.Kind.FORBIDDEN,
                "AWS Config has no AWS credentials for this identity");
        is(
                read(plain, clientFailure("Unable to load region from any of the providers in the chain", null)),
                SourceFailure.Kind.UNAVAILABLE,
                "AWS Config is unavailable: no AWS region is configured (set AWS_REGION)");
        is(
                read(plain, clientFailure("something else", null)),
                SourceFailure.Kind.UNAVAILABLE,
                "AWS Config is unavailable: the call failed (SdkClientException)");
    }

    @Test
    void aFailureOfOursInsideTheSdksIsPassedOnAsItIs() {
        SourceFailure ours = new SourceFailure("compliance", SourceFailure.Kind.FORBIDDEN, "no read role", null);

        assertThat(read(plain, clientFailure("Unable to load credentials", ours)))
                .isSameAs(ours);
    }

    @Test
    void aGuardrailRefusalIsForbiddenNamingTheRule() {
        PolicyViolation violation = new PolicyViolation(
                new PolicyRequest("aws", "DescribeConfigRules", Risk.READ, "config", null, null, "production", null),
                new PolicyDecision.Deny("no-config-reads", "security reads Config"));

        SourceFailure wrapped = read(plain, clientFailure("interceptor failed", violation));

        assertThat(wrapped.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
        assertThat(wrapped.getMessage()).contains("refused by rule no-config-reads");
        SourceFailure refused = plain.refused(violation);
        assertThat(refused.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
        assertThat(refused.getMessage()).isEqualTo(violation.getMessage());
        assertThat(refused.getCause()).isSameAs(violation);
    }
}
