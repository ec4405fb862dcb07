package dev.opsbot.tools.cloudwatch;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.tools.cloudwatch.AwsStubs.cbor;
import static dev.opsbot.tools.cloudwatch.AwsStubs.cborError;
import static dev.opsbot.tools.cloudwatch.AwsStubs.getMetricData;
import static dev.opsbot.tools.cloudwatch.AwsStubs.json11;
import static dev.opsbot.tools.cloudwatch.AwsStubs.logs;
import static dev.opsbot.tools.cloudwatch.AwsStubs.metricData;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.CHECKOUT;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.NOW;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.at;
import static dev.opsbot.tools.http.TestContexts.generous;
import static dev.opsbot.tools.http.TestContexts.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.triage.Check;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.LogCategory;
import dev.opsbot.core.triage.LogSignature;
import dev.opsbot.core.triage.Sample;
import dev.opsbot.core.triage.SignalName;
import dev.opsbot.core.triage.SignalSeries;
import dev.opsbot.core.triage.SourceEvidence;
import dev.opsbot.core.triage.SymptomKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudWatchEvidenceTest {
    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static Investigation checkout() {
        return new Investigation(
                "why is checkout 5xx?", "shop", "checkout", SymptomKind.HTTP_5XX, NOW, Duration.ofHours(1));
    }

    /** error_ratio and restarts, read in that order; the logs of /eks/shop/checkout. */
    private CloudWatchEvidence evidence() {
        CloudWatchConnection connection = AwsStubs.connection(aws.baseUrl());
        Map<SignalName, SignalDefinition> defaults = CloudWatchDefaults.signals();
        CloudWatchSignals signals = new CloudWatchSignals(
                connection,
                Map.of(
                        SignalName.RESTARTS, defaults.get(SignalName.RESTARTS),
                        SignalName.ERROR_RATIO, defaults.get(SignalName.ERROR_RATIO)),
                CHECKOUT);
        CloudWatchLogSearch logs = new CloudWatchLogSearch(
                connection,
                List.of("/eks/${namespace}/${service}"),
                CloudWatchDefaults.ERROR_QUERY,
                CHECKOUT,
                Duration.ofMillis(100));
        return new CloudWatchEvidence(signals, logs);
    }

    private void stubErrorRatioThenForbidden() {
        aws.stubFor(getMetricData()
                .inScenario("signals")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(cbor(
                        200,
                        metricData(
                                "e1",
                                "error_ratio",
                                List.of(at("02:31"), at("02:32"), at("02:33")),
                                List.of(0.001, 0.23, 0.05))))
                .willSetStateTo("restarts"));
        aws.stubFor(getMetricData()
                .inScenario("signals")
                .whenScenarioStateIs("restarts")
                .willReturn(cborError(403, "AccessDenied")));
        aws.stubFor(logs("StartQuery").willReturn(json11(200, "{\"queryId\": \"q-1\"}")));
    }

    @Test
    void signalsAndLogSignaturesAreCollectedAndWhatFailedIsAGap() {
        stubErrorRatioThenForbidden();
        CloudWatchLogSearchTest.stubRunningThenComplete(aws);

        SourceEvidence found = evidence().collect(checkout(), generous());

        assertThat(found.signals())
                .containsExactly(new SignalSeries(
                        SignalName.ERROR_RATIO,
                        "cloudwatch",
                        Map.of(),
                        List.of(
                                new Sample(at("02:31"), 0.001),
                                new Sample(at("02:32"), 0.23),
                                new Sample(at("02:33"), 0.05))));
        assertThat(found.gaps())
                .containsExactly("cloudwatch restarts: this identity lacks permission cloudwatch:GetMetricData");
        assertThat(found.logs()).hasSize(2);
        LogSignature refused = found.logs().getFirst();
        assertThat(refused.count()).isEqualTo(3);
        assertThat(refused.source()).isEqualTo("cloudwatch");
        assertThat(refused.category()).isEqualTo(LogCategory.DOWNSTREAM_ERROR);
        assertThat(refused.downstream()).isEqualTo("payments");
        assertThat(refused.first()).isEqualTo(Instant.parse("2026-03-10T02:33:10.123Z"));
        assertThat(refused.last()).isEqualTo(Instant.parse("2026-03-10T02:41:00.500Z"));
        assertThat(refused.pods()).isEqualTo(Set.of("checkout-7d9f-abcde", "checkout-7d9f-fghij"));
        assertThat(found.logs().get(1).category()).isEqualTo(LogCategory.OUT_OF_MEMORY);
        assertThat(found.checks())
                .containsExactly(
                        Check.normal("cloudwatch", "cloudwatch error_ratio", "max 23.0%, last 5.0% (3 points)"),
                        Check.normal(
                                "cloudwatch",
                                "cloudwatch logs",
                                "4 error lines, 2 signatures; most frequent: 3 x " + refused.signature()));
    }

    @Test
    void aLogsQueryThatDoesNotFinishIsAGapWhileTheSignalsStand() {
        stubErrorRatioThenForbidden();
        aws.stubFor(logs("GetQueryResults").willReturn(json11(200, "{\"status\": \"Running\", \"results\": []}")));
        aws.stubFor(logs("StopQuery").willReturn(json11(200, "{\"success\": true}")));

        SourceEvidence found = evidence().collect(checkout(), within(Duration.ofMillis(3000)));

        assertThat(found.signals()).hasSize(1);
        assertThat(found.gaps()).hasSize(2);
        assertThat(found.gaps().get(1)).matches("cloudwatch logs: query did not finish in [12] s");
    }

    @Test
    void noDatapointsIsAGap() {
        aws.stubFor(getMetricData().willReturn(cbor(200, metricData("e1", "x", List.of(), List.of()))));
        aws.stubFor(logs("StartQuery").willReturn(json11(200, "{\"queryId\": \"q-1\"}")));
        aws.stubFor(logs("GetQueryResults").willReturn(json11(200, "{\"status\": \"Complete\", \"results\": []}")));

        SourceEvidence found = evidence().collect(checkout(), generous());

        assertThat(found.signals()).isEmpty();
        assertThat(found.gaps())
                .containsExactly(
                        "cloudwatch error_ratio: no datapoints for checkout in the window",
                        "cloudwatch restarts: no datapoints for checkout in the window");
        assertThat(found.checks())
                .containsExactly(Check.normal("cloudwatch", "cloudwatch logs", "0 error lines, 0 signatures"));
    }

    @Test
    void whenNothingCanBeReadTheFirstFailureIsThrown() {
        aws.stubFor(getMetricData().willReturn(cborError(403, "AccessDenied")));
        aws.stubFor(logs("StartQuery")
                .willReturn(json11(400, "{\"__type\": \"AccessDeniedException\", \"message\": \"no\"}")));

        SourceFailure failure =
                catchThrowableOfType(SourceFailure.class, () -> evidence().collect(checkout(), generous()));

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
        assertThat(failure.getMessage()).isEqualTo("this identity lacks permission cloudwatch:GetMetricData");
    }
}
