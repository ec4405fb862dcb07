package dev.opsbot.tools.cloudwatch;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.tools.cloudwatch.AwsStubs.GET_METRIC_DATA;
import static dev.opsbot.tools.cloudwatch.AwsStubs.cbor;
import static dev.opsbot.tools.cloudwatch.AwsStubs.getMetricData;
import static dev.opsbot.tools.cloudwatch.AwsStubs.metricData;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.CHECKOUT;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.FROM;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.NOW;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.at;
import static dev.opsbot.tools.http.TestContexts.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.identity.CloudCredentials;
import dev.opsbot.core.identity.ElevationException;
import dev.opsbot.core.identity.SessionCredentials;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.SignalName;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;

/** CloudWatch calls are signed with the acting person's own STS session, fetched only when a call needs it. */
class PersonsSessionTest {
    private static final String SESSION_TOKEN = "FwoGZXIvYXdzEALICE-SESSION-TOKEN";

    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private CloudWatchSignals signals(CloudWatchConnection connection) {
        return new CloudWatchSignals(connection, CloudWatchDefaults.signals(), CHECKOUT);
    }

    private CloudWatchConnection connection() {
        URI endpoint = URI.create(aws.baseUrl());
        return new CloudWatchConnection(Region.EU_WEST_1, endpoint, endpoint, CloudWatchConnection.personsSession());
    }

    private static ToolContext as(CloudCredentials cloud) {
        return ToolContext.of(ALICE, cloud, Duration.ofSeconds(10), Clock.systemUTC());
    }

    @Test
    void theRequestIsSignedWithThePersonsSessionAndCarriesItsToken() {
        aws.stubFor(getMetricData()
                .willReturn(cbor(200, metricData("e1", "error_ratio", List.of(at("02:30")), List.of(0.1)))));
        AtomicInteger fetched = new AtomicInteger();
        CloudCredentials alices = () -> {
            fetched.incrementAndGet();
            return new SessionCredentials(
                    "ASIAALICESESSION",
                    "alice-secret",
                    SESSION_TOKEN,
                    Instant.now().plus(Duration.ofMinutes(15)),
                    "arn:aws:iam::111111111111:role/opsbot-read-oncall");
        };

        try (CloudWatchConnection connection = connection()) {
            assertThat(signals(connection).read(SignalName.ERROR_RATIO, "checkout", "shop", FROM, NOW, as(alices)))
                    .hasSize(1);
        }

        assertThat(fetched).hasValue(1);
        var request = aws.findAll(postRequestedFor(urlEqualTo(GET_METRIC_DATA))).getFirst();
        assertThat(request.getHeader("X-Amz-Security-Token")).isEqualTo(SESSION_TOKEN);
        assertThat(request.getHeader("Authorization")).contains("Credential=ASIAALICESESSION/");
    }

    @Test
    void aPersonWithoutAReadRoleFailsTheSourceAsForbiddenWithTheBrokersReasonAndNothingIsSent() {
        CloudCredentials none = () -> {
            throw new ElevationException(
                    ElevationException.Kind.NO_ROLE, "no AWS read role is mapped for carol@example.com in production");
        };

        try (CloudWatchConnection connection = connection()) {
            assertThatThrownBy(() ->
                            signals(connection).read(SignalName.ERROR_RATIO, "checkout", "shop", FROM, NOW, as(none)))
                    .isInstanceOfSatisfying(SourceFailure.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
                        assertThat(failure.getMessage())
                                .isEqualTo("no AWS read role is mapped for carol@example.com in production");
                    });
        }
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void stsBeingUnreachableIsReportedAsUnavailable() {
        CloudCredentials down = () -> {
            throw new ElevationException(ElevationException.Kind.UNAVAILABLE, "AWS STS did not answer; try again");
        };

        try (CloudWatchConnection connection = connection()) {
            assertThatThrownBy(() ->
                            signals(connection).read(SignalName.ERROR_RATIO, "checkout", "shop", FROM, NOW, as(down)))
                    .isInstanceOfSatisfying(SourceFailure.class, failure -> assertThat(failure.kind())
                            .isEqualTo(SourceFailure.Kind.UNAVAILABLE));
        }
    }
}
