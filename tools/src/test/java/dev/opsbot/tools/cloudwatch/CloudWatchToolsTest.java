package dev.opsbot.tools.cloudwatch;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.tools.cloudwatch.AwsStubs.cbor;
import static dev.opsbot.tools.cloudwatch.AwsStubs.cborBody;
import static dev.opsbot.tools.cloudwatch.AwsStubs.getMetricData;
import static dev.opsbot.tools.cloudwatch.AwsStubs.json11;
import static dev.opsbot.tools.cloudwatch.AwsStubs.logs;
import static dev.opsbot.tools.cloudwatch.AwsStubs.metricData;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.CHECKOUT;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.at;
import static dev.opsbot.tools.http.TestContexts.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolRegistry;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.http.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudWatchToolsTest {
    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final ToolContext AT_THREE = ToolContext.of(
            ALICE, Duration.ofSeconds(10), Clock.fixed(Instant.parse("2026-03-10T03:00:00Z"), ZoneOffset.UTC));

    private ToolRegistry tools;

    @BeforeEach
    void setUp() {
        CloudWatchConnection connection = AwsStubs.connection(aws.baseUrl());
        tools = new ToolRegistry(CloudWatchTools.all(
                new CloudWatchSignals(connection, CloudWatchDefaults.signals(), CHECKOUT),
                new CloudWatchLogSearch(
                        connection,
                        List.of("/eks/${namespace}/${service}"),
                        CloudWatchDefaults.ERROR_QUERY,
                        CHECKOUT,
                        Duration.ofMillis(50))));
    }

    private ToolResult call(String name, String arguments) throws Exception {
        return tools.find(name).orElseThrow().call(AT_THREE, Json.mapper().readTree(arguments));
    }

    @Test
    void theSignalSchemaOffersTheConfiguredSignals() {
        JsonNode signal = tools.find("cloudwatch.get_signal")
                .orElseThrow()
                .spec()
                .parameters()
                .path("properties")
                .path("signal")
                .path("enum");

        assertThat(signal.toString())
                .isEqualTo("[\"error_ratio\",\"request_rate\",\"latency_p99\",\"restarts\",\"memory_vs_limit\","
                        + "\"cpu_throttling\"]");
    }

    @Test
    void getSignalReadsTheLastMinutesAndAnswersStatistics() throws Exception {
        aws.stubFor(getMetricData()
                .willReturn(cbor(
                        200, metricData("e1", "error_ratio", List.of(at("02:58"), at("02:59")), List.of(0.02, 0.3)))));

        ToolResult.Success result = (ToolResult.Success) call(
                "cloudwatch.get_signal", "{\"signal\": \"error_ratio\", \"service\": \"checkout\", \"minutes\": 30}");

        assertThat(result.summary())
                .isEqualTo("cloudwatch error_ratio of checkout over 30 min: max 30.0%, last 30.0% (2 points)");
        JsonNode series = result.data().path("series").get(0);
        assertThat(series.path("max").asDouble()).isEqualTo(0.3);
        assertThat(series.path("samples").toString())
                .isEqualTo("[[\"2026-03-10T02:58:00Z\",0.02],[\"2026-03-10T02:59:00Z\",0.3]]");
        JsonNode request = cborBody(aws.findAll(postRequestedFor(urlEqualTo(AwsStubs.GET_METRIC_DATA)))
                .getFirst());
        assertThat(request.path("StartTime").asLong())
                .isEqualTo(Instant.parse("2026-03-10T02:30:00Z").getEpochSecond());
    }

    @Test
    void anUnknownSignalIsABadRequest() throws Exception {
        assertThat(call("cloudwatch.get_signal", "{\"signal\": \"volume_free\", \"service\": \"checkout\"}"))
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.BAD_REQUEST,
                        "argument 'signal' must be one of error_ratio, request_rate, latency_p99, restarts,"
                                + " memory_vs_limit, cpu_throttling, not 'volume_free'"));
    }

    @Test
    void searchLogsAnswersTheNewestLinesAndTheirSignatures() throws Exception {
        aws.stubFor(logs("StartQuery").willReturn(json11(200, "{\"queryId\": \"q-1\"}")));
        CloudWatchLogSearchTest.stubRunningThenComplete(aws);

        ToolResult.Success result = (ToolResult.Success) call(
                "cloudwatch.search_logs",
                "{\"service\": \"checkout\", \"namespace\": \"shop\", \"filter\": \"refused\"}");

        assertThat(result.data().path("matched").asInt()).isEqualTo(4);
        assertThat(result.data().path("lines").get(0).path("at").asText()).isEqualTo("2026-03-10T02:41:00.500Z");
        assertThat(result.data().path("signatures").get(0).path("count").asInt())
                .isEqualTo(3);
        assertThat(result.summary())
                .startsWith(
                        "4 log lines of checkout contain \"refused\" in the last 30 min; most frequent error: 3 x ");
    }
}
