package dev.opsbot.tools.cloudwatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.tools.cloudwatch.AwsStubs.cbor;
import static dev.opsbot.tools.cloudwatch.AwsStubs.cborError;
import static dev.opsbot.tools.cloudwatch.AwsStubs.getMetricData;
import static dev.opsbot.tools.cloudwatch.AwsStubs.json11;
import static dev.opsbot.tools.cloudwatch.AwsStubs.logs;
import static dev.opsbot.tools.cloudwatch.AwsStubs.metricData;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.CHECKOUT;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.FROM;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.NOW;
import static dev.opsbot.tools.http.TestContexts.closedPort;
import static dev.opsbot.tools.http.TestContexts.generous;
import static dev.opsbot.tools.http.TestContexts.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.SignalName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every way CloudWatch can fail becomes a {@link SourceFailure} that says what to do and holds no credentials. */
class CloudWatchFailuresTest {
    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static SourceFailure readFails(String baseUrl, ToolContext context) {
        CloudWatchSignals signals =
                new CloudWatchSignals(AwsStubs.connection(baseUrl), CloudWatchDefaults.signals(), CHECKOUT);
        return failure(() -> signals.read(SignalName.ERROR_RATIO, "checkout", "shop", FROM, NOW, context));
    }

    private SourceFailure readFails() {
        return readFails(aws.baseUrl(), generous());
    }

    private SourceFailure searchFails() {
        CloudWatchLogSearch search = new CloudWatchLogSearch(
                AwsStubs.connection(aws.baseUrl()),
                List.of("/eks/${namespace}/${service}"),
                CloudWatchDefaults.ERROR_QUERY,
                CHECKOUT,
                Duration.ofMillis(50));
        return failure(() -> search.errorLines("checkout", "shop", FROM, NOW, generous()));
    }

    private static SourceFailure failure(Runnable call) {
        SourceFailure failure = catchThrowableOfType(SourceFailure.class, call::run);
        assertThat(failure).as("a SourceFailure").isNotNull();
        assertThat(failure.source()).isEqualTo("cloudwatch");
        assertThat(failure.getMessage()).doesNotContain(AwsStubs.SECRET_KEY).doesNotContain(AwsStubs.ALICE_KEY);
        return failure;
    }

    @Test
    void accessDeniedNamesTheIamAction() {
        aws.stubFor(getMetricData().willReturn(cborError(403, "AccessDenied")));

        SourceFailure failure = readFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
        assertThat(failure.getMessage()).isEqualTo("this identity lacks permission cloudwatch:GetMetricData");
    }

    @Test
    void expiredCredentialsAreForbiddenAndSaySo() {
        aws.stubFor(getMetricData().willReturn(cborError(403, "ExpiredToken")));

        SourceFailure failure = readFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
        assertThat(failure.getMessage()).isEqualTo("cloudwatch refused this identity's AWS credentials (ExpiredToken)");
    }

    @Test
    void throttlingIsUnavailableAndSaysSo() {
        aws.stubFor(getMetricData().willReturn(cborError(400, "Throttling")));

        SourceFailure failure = readFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(failure.getMessage())
                .isEqualTo("cloudwatch is unavailable: AWS is throttling requests (Throttling); try again in a minute");
    }

    @Test
    void aSlowAnswerTimesOutAtTheDeadline() {
        aws.stubFor(getMetricData()
                .willReturn(
                        cbor(200, metricData("e1", "x", List.of(), List.of())).withFixedDelay(3000)));
        long started = System.nanoTime();

        SourceFailure failure = readFails(aws.baseUrl(), within(Duration.ofMillis(700)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.TIMEOUT);
        assertThat(failure.getMessage()).matches("cloudwatch did not answer in \\d+ ms");
    }

    @Test
    void aServerErrorIsUnavailable() {
        aws.stubFor(getMetricData().willReturn(cborError(500, "InternalServiceError")));

        SourceFailure failure = readFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(failure.getMessage())
                .isEqualTo("cloudwatch is unavailable: AWS answered HTTP 500 (InternalServiceError)");
    }

    @Test
    void aRefusedConnectionIsUnavailable() {
        SourceFailure failure = readFails(closedPort().toString(), generous());

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(failure.getMessage())
                .isEqualTo("cloudwatch is unavailable: cannot connect to its endpoint (connection refused)");
    }

    @Test
    void aMalformedAnswerIsUnavailable() {
        aws.stubFor(getMetricData()
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/cbor")
                        .withHeader("smithy-protocol", "rpc-v2-cbor")
                        .withBody(new byte[] {(byte) 0xbf, 0x61, 0x41, (byte) 0xff, 0x00, 0x13})));

        SourceFailure failure = readFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(failure.getMessage())
                .isEqualTo("cloudwatch is unavailable: its answer could not be read (malformed response)");
    }

    @Test
    void aMissingPlaceholderValueIsABadRequestNamingIt() {
        CloudWatchSignals signals = new CloudWatchSignals(
                AwsStubs.connection(aws.baseUrl()), CloudWatchDefaults.signals(), TemplateVariables.NONE);

        SourceFailure failure =
                failure(() -> signals.read(SignalName.RESTARTS, "checkout", "shop", FROM, NOW, generous()));

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.BAD_REQUEST);
        assertThat(failure.getMessage())
                .isEqualTo("no value for ${cluster} in the restarts definition for checkout (set it in the cloudwatch"
                        + " configuration)");
    }

    @Test
    void logsAccessDeniedNamesTheIamAction() {
        aws.stubFor(logs("StartQuery")
                .willReturn(json11(400, "{\"__type\": \"AccessDeniedException\", \"message\": \"not allowed\"}")));

        SourceFailure failure = searchFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
        assertThat(failure.getMessage()).isEqualTo("this identity lacks permission logs:StartQuery");
    }

    @Test
    void aMissingLogGroupIsNotFound() {
        aws.stubFor(logs("StartQuery")
                .willReturn(json11(
                        400,
                        "{\"__type\": \"ResourceNotFoundException\","
                                + " \"message\": \"Log group '/eks/shop/checkout' does not exist\"}")));

        SourceFailure failure = searchFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.NOT_FOUND);
        assertThat(failure.getMessage()).isEqualTo("cloudwatch: Log group '/eks/shop/checkout' does not exist");
    }

    @Test
    void logsMalformedJsonIsUnavailable() {
        aws.stubFor(logs("StartQuery").willReturn(json11(200, "{\"queryId\": ")));

        SourceFailure failure = searchFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
    }

    @Test
    void aFailedQueryIsUnavailable() {
        aws.stubFor(logs("StartQuery").willReturn(json11(200, "{\"queryId\": \"q-1\"}")));
        aws.stubFor(logs("GetQueryResults").willReturn(json11(200, "{\"status\": \"Failed\", \"results\": []}")));

        SourceFailure failure = searchFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo("cloudwatch is unavailable: its logs query ended Failed");
    }

    @Test
    void mapOfVariablesIsCopied() {
        Map<String, String> values = new java.util.HashMap<>(Map.of("cluster", "prod"));
        TemplateVariables variables = new TemplateVariables(values, Map.of());
        values.put("cluster", "changed");

        assertThat(variables.forTarget("checkout", "shop"))
                .containsEntry("cluster", "prod")
                .containsEntry("service", "checkout")
                .containsEntry("namespace", "shop");
    }
}
