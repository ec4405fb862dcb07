package dev.opsbot.tools.cloudwatch;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.tools.cloudwatch.AwsStubs.cbor;
import static dev.opsbot.tools.cloudwatch.AwsStubs.cborBody;
import static dev.opsbot.tools.cloudwatch.AwsStubs.getMetricData;
import static dev.opsbot.tools.cloudwatch.AwsStubs.metricData;
import static dev.opsbot.tools.cloudwatch.AwsStubs.result;
import static dev.opsbot.tools.http.TestContexts.ALICE;
import static dev.opsbot.tools.http.TestContexts.generous;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.triage.Sample;
import dev.opsbot.core.triage.SignalName;
import dev.opsbot.core.triage.SignalSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudWatchSignalsTest {
    static final Instant FROM = Instant.parse("2026-03-10T02:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-10T03:00:00Z");
    static final TemplateVariables CHECKOUT = new TemplateVariables(
            Map.of("cluster", "prod"),
            Map.of("checkout", Map.of("targetGroup", "targetgroup/checkout/0123", "loadBalancer", "app/shop/4567")));

    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static Instant at(String time) {
        return Instant.parse("2026-03-10T" + time + ":00Z");
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = aws.findAll(postRequestedFor(urlEqualTo(AwsStubs.GET_METRIC_DATA)));
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    @Test
    void getMetricDataCarriesTheConfiguredExpressionAndItsValuesLandInSamples() {
        aws.stubFor(getMetricData()
                .willReturn(cbor(
                        200,
                        metricData(
                                "e1",
                                "error_ratio",
                                List.of(at("02:32"), at("02:31"), at("02:33")),
                                List.of(0.05, 0.0, 0.23)))));
        List<Principal> actors = new ArrayList<>();
        Map<String, String> dimensions = Map.of("TargetGroup", "${targetGroup}", "LoadBalancer", "${loadBalancer}");
        SignalDefinition configured = SignalDefinition.math(
                "IF(m2 > 0, FILL(m1, 0) / m2, 0)",
                new MetricInput("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", dimensions, "Sum"),
                new MetricInput("AWS/ApplicationELB", "RequestCount", dimensions, "Sum"));
        CloudWatchSignals signals = new CloudWatchSignals(
                AwsStubs.connection(aws.baseUrl(), actors), Map.of(SignalName.ERROR_RATIO, configured), CHECKOUT);

        List<SignalSeries> series = signals.read(SignalName.ERROR_RATIO, "checkout", "shop", FROM, NOW, generous());

        assertThat(series)
                .containsExactly(new SignalSeries(
                        SignalName.ERROR_RATIO,
                        "cloudwatch",
                        Map.of(),
                        List.of(
                                new Sample(at("02:31"), 0.0),
                                new Sample(at("02:32"), 0.05),
                                new Sample(at("02:33"), 0.23))));
        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/cbor");
        assertThat(request.getHeader("Authorization")).contains("Credential=" + AwsStubs.ALICE_KEY + "/");
        assertThat(actors).containsOnly(ALICE);
        JsonNode body = cborBody(request);
        assertThat(body.path("StartTime").asLong()).isEqualTo(FROM.getEpochSecond());
        assertThat(body.path("EndTime").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(body.path("ScanBy").asText()).isEqualTo("TimestampAscending");
        JsonNode queries = body.path("MetricDataQueries");
        assertThat(queries).hasSize(3);
        JsonNode expression = queries.get(2);
        assertThat(expression.path("Id").asText()).isEqualTo("e1");
        assertThat(expression.path("Expression").asText()).isEqualTo("IF(m2 > 0, FILL(m1, 0) / m2, 0)");
        assertThat(expression.path("ReturnData").asBoolean()).isTrue();
        JsonNode errors = queries.get(0);
        assertThat(errors.path("ReturnData").asBoolean()).isFalse();
        assertThat(errors.path("MetricStat").path("Period").asInt()).isEqualTo(60);
        assertThat(errors.path("MetricStat").path("Stat").asText()).isEqualTo("Sum");
        assertThat(errors.path("MetricStat").path("Metric").path("Namespace").asText())
                .isEqualTo("AWS/ApplicationELB");
        assertThat(errors.path("MetricStat").path("Metric").path("MetricName").asText())
                .isEqualTo("HTTPCode_Target_5XX_Count");
        assertThat(errors.path("MetricStat").path("Metric").path("Dimensions").toString())
                .isEqualTo("[{\"Name\":\"LoadBalancer\",\"Value\":\"app/shop/4567\"},"
                        + "{\"Name\":\"TargetGroup\",\"Value\":\"targetgroup/checkout/0123\"}]");
        assertThat(queries.get(1)
                        .path("MetricStat")
                        .path("Metric")
                        .path("MetricName")
                        .asText())
                .isEqualTo("RequestCount");
    }

    @Test
    void theDefaultErrorRatioSearchesTheTargetGroupNamedByATemplate() {
        aws.stubFor(getMetricData().willReturn(cbor(200, metricData("e1", "e1", List.of(at("02:31")), List.of(0.1)))));
        TemplateVariables variables = TemplateVariables.common(Map.of("targetGroup", "targetgroup/$service/0123"));
        CloudWatchSignals signals =
                new CloudWatchSignals(AwsStubs.connection(aws.baseUrl()), CloudWatchDefaults.signals(), variables);

        signals.read(SignalName.ERROR_RATIO, "checkout", "shop", FROM, NOW, generous());

        JsonNode queries = cborBody(onlyRequest()).path("MetricDataQueries");
        String requests = "SUM(SEARCH('{AWS/ApplicationELB,LoadBalancer,TargetGroup} MetricName=\"RequestCount\""
                + " TargetGroup=\"targetgroup/checkout/0123\"', 'Sum', 60))";
        String errors = "SUM(SEARCH('{AWS/ApplicationELB,LoadBalancer,TargetGroup}"
                + " MetricName=\"HTTPCode_Target_5XX_Count\" TargetGroup=\"targetgroup/checkout/0123\"', 'Sum', 60))";
        assertThat(queries).hasSize(1);
        assertThat(queries.get(0).path("Expression").asText())
                .isEqualTo("IF(" + requests + " > 0, FILL(" + errors + ", 0) / " + requests + ", 0)");
        assertThat(queries.get(0).path("Period").asInt()).isEqualTo(60);
    }

    @Test
    void aConfiguredSearchFillsPlaceholdersAndLabelsEachSeriesItFinds() {
        aws.stubFor(getMetricData()
                .willReturn(cbor(
                        200,
                        Map.of(
                                "MetricDataResults",
                                List.of(
                                        result("e1", "checkout-7d9f-abcde", List.of(at("02:40")), List.of(0.91)),
                                        result("e1", "checkout-7d9f-fghij", List.of(at("02:40")), List.of(0.42)))))));
        SignalDefinition memory = SignalDefinition.math(
                "SEARCH('{ContainerInsights,ClusterName,Namespace,PodName} MetricName=\"pod_memory_utilization\""
                        + " ClusterName=\"${cluster}\" Namespace=\"${namespace}\" ${service}', 'Average', 60) / 100");
        CloudWatchSignals signals = new CloudWatchSignals(
                AwsStubs.connection(aws.baseUrl()), Map.of(SignalName.MEMORY_VS_LIMIT, memory), CHECKOUT);

        List<SignalSeries> series = signals.read(SignalName.MEMORY_VS_LIMIT, "checkout", "shop", FROM, NOW, generous());

        assertThat(series)
                .extracting(s -> s.label("series") + "=" + s.last())
                .containsExactly("checkout-7d9f-abcde=0.91", "checkout-7d9f-fghij=0.42");
        JsonNode query = cborBody(onlyRequest()).path("MetricDataQueries").get(0);
        assertThat(query.path("Expression").asText())
                .isEqualTo("SEARCH('{ContainerInsights,ClusterName,Namespace,PodName}"
                        + " MetricName=\"pod_memory_utilization\" ClusterName=\"prod\" Namespace=\"shop\" checkout',"
                        + " 'Average', 60) / 100");
        assertThat(query.has("Label")).isFalse();
    }

    @Test
    void laterPagesAreFollowedByTheirToken() {
        aws.stubFor(getMetricData()
                .inScenario("pages")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(cbor(
                        200,
                        Map.of(
                                "MetricDataResults",
                                List.of(result("m1", "latency_p99", List.of(at("02:01")), List.of(0.12))),
                                "NextToken",
                                "page-2")))
                .willSetStateTo("second"));
        aws.stubFor(getMetricData()
                .inScenario("pages")
                .whenScenarioStateIs("second")
                .willReturn(cbor(200, metricData("m1", "latency_p99", List.of(at("02:02")), List.of(0.48)))));
        CloudWatchSignals signals =
                new CloudWatchSignals(AwsStubs.connection(aws.baseUrl()), CloudWatchDefaults.signals(), CHECKOUT);

        List<SignalSeries> series = signals.read(SignalName.LATENCY_P99, "checkout", "shop", FROM, NOW, generous());

        assertThat(series.getFirst().samples())
                .containsExactly(new Sample(at("02:01"), 0.12), new Sample(at("02:02"), 0.48));
        List<LoggedRequest> requests = aws.findAll(postRequestedFor(urlEqualTo(AwsStubs.GET_METRIC_DATA)));
        assertThat(cborBody(requests.get(1)).path("NextToken").asText()).isEqualTo("page-2");
        assertThat(cborBody(requests.get(0))
                        .path("MetricDataQueries")
                        .get(0)
                        .path("ReturnData")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void noDatapointsIsAnEmptyList() {
        aws.stubFor(getMetricData().willReturn(cbor(200, metricData("e1", "error_ratio", List.of(), List.of()))));
        CloudWatchSignals signals =
                new CloudWatchSignals(AwsStubs.connection(aws.baseUrl()), CloudWatchDefaults.signals(), CHECKOUT);

        assertThat(signals.read(SignalName.ERROR_RATIO, "checkout", "shop", FROM, NOW, generous()))
                .isEmpty();
    }
}
