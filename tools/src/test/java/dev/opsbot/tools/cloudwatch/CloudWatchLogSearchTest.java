package dev.opsbot.tools.cloudwatch;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.tools.cloudwatch.AwsStubs.json11;
import static dev.opsbot.tools.cloudwatch.AwsStubs.jsonBody;
import static dev.opsbot.tools.cloudwatch.AwsStubs.logs;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.CHECKOUT;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.FROM;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.NOW;
import static dev.opsbot.tools.http.TestContexts.fixture;
import static dev.opsbot.tools.http.TestContexts.generous;
import static dev.opsbot.tools.http.TestContexts.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.triage.LogLine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudWatchLogSearchTest {
    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private CloudWatchLogSearch search;

    @BeforeEach
    void setUp() {
        search = new CloudWatchLogSearch(
                AwsStubs.connection(aws.baseUrl()),
                List.of("/eks/${namespace}/${service}"),
                CloudWatchDefaults.ERROR_QUERY,
                CHECKOUT,
                Duration.ofMillis(100));
        aws.stubFor(logs("StartQuery").willReturn(json11(200, "{\"queryId\": \"q-1\"}")));
    }

    static void stubRunningThenComplete(WireMockExtension aws) {
        aws.stubFor(logs("GetQueryResults")
                .inScenario("query")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json11(200, "{\"status\": \"Running\", \"results\": []}"))
                .willSetStateTo("done"));
        aws.stubFor(logs("GetQueryResults")
                .inScenario("query")
                .whenScenarioStateIs("done")
                .willReturn(json11(200, fixture(CloudWatchLogSearchTest.class, "query-results.json"))));
    }

    @Test
    void startQueryNamesTheServicesLogGroupsAndTheWindowAndResultsBecomeLogLines() {
        stubRunningThenComplete(aws);

        List<LogLine> lines = search.errorLines("checkout", "shop", FROM, NOW, generous());

        LoggedRequest start = aws.findAll(postRequestedFor(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo("Logs_20140328.StartQuery")))
                .getFirst();
        assertThat(start.getHeader("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        JsonNode body = jsonBody(start);
        assertThat(body.path("logGroupNames").toString()).isEqualTo("[\"/eks/shop/checkout\"]");
        assertThat(body.path("queryString").asText()).isEqualTo(CloudWatchDefaults.ERROR_QUERY);
        assertThat(body.path("startTime").asLong()).isEqualTo(FROM.getEpochSecond());
        assertThat(body.path("endTime").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(body.path("limit").asInt()).isEqualTo(500);
        aws.verify(
                2,
                postRequestedFor(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo("Logs_20140328.GetQueryResults"))
                        .withRequestBody(equalTo("{\"queryId\":\"q-1\"}")));

        assertThat(lines)
                .containsExactly(
                        new LogLine(
                                Instant.parse("2026-03-10T02:33:10.123Z"),
                                "checkout-7d9f-abcde",
                                "app",
                                "ERROR c.a.PaymentClient - call to payments failed: connection refused:"
                                        + " payments.shop.svc.cluster.local:8080"),
                        new LogLine(
                                Instant.parse("2026-03-10T02:34:01.250Z"),
                                "checkout-7d9f-abcde/app",
                                "",
                                "java.lang.OutOfMemoryError: Java heap space"),
                        new LogLine(
                                Instant.parse("2026-03-10T02:35:12Z"),
                                "checkout-7d9f-abcde",
                                "app",
                                "ERROR c.a.PaymentClient - call to payments failed: connection refused:"
                                        + " payments.shop.svc.cluster.local:8080"),
                        new LogLine(
                                Instant.parse("2026-03-10T02:41:00.500Z"),
                                "checkout-7d9f-fghij",
                                "app",
                                "ERROR c.a.PaymentClient - call to payments failed: connection refused:"
                                        + " payments.shop.svc.cluster.local:8080"));
    }

    @Test
    void aQueryThatDoesNotFinishBeforeTheDeadlineIsStoppedAndTimesOut() {
        aws.stubFor(logs("GetQueryResults").willReturn(json11(200, "{\"status\": \"Running\", \"results\": []}")));
        aws.stubFor(logs("StopQuery").willReturn(json11(200, "{\"success\": true}")));

        SourceFailure failure = catchThrowableOfType(
                SourceFailure.class,
                () -> search.errorLines("checkout", "shop", FROM, NOW, within(Duration.ofMillis(2500))));

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.TIMEOUT);
        assertThat(failure.getMessage()).matches("cloudwatch logs: query did not finish in [12] s");
        aws.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("Logs_20140328.StopQuery"))
                .withRequestBody(equalTo("{\"queryId\":\"q-1\"}")));
    }

    @Test
    void aSearchQuotesTheTextAsALiteral() {
        stubRunningThenComplete(aws);

        search.search("checkout", "shop", "say \"refused\" \\o/", FROM, NOW, 200, generous());

        JsonNode body = jsonBody(aws.findAll(postRequestedFor(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo("Logs_20140328.StartQuery")))
                .getFirst());
        assertThat(body.path("queryString").asText())
                .isEqualTo("fields @timestamp, @message, @logStream, log, kubernetes.pod_name,"
                        + " kubernetes.container_name | filter @message like \"say \\\"refused\\\" \\\\o/\""
                        + " | sort @timestamp desc | limit 200");
        assertThat(body.path("limit").asInt()).isEqualTo(200);
    }
}
