package dev.opsbot.tools.cloudwatch;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.tools.cloudwatch.AwsStubs.cbor;
import static dev.opsbot.tools.cloudwatch.AwsStubs.getMetricData;
import static dev.opsbot.tools.cloudwatch.AwsStubs.metricData;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.CHECKOUT;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.FROM;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.NOW;
import static dev.opsbot.tools.cloudwatch.CloudWatchSignalsTest.at;
import static dev.opsbot.tools.http.TestContexts.generous;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.triage.SignalName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Without an endpoint override the SDK's own endpoint settings apply ({@code AWS_ENDPOINT_URL_CLOUDWATCH}, or the
 * system property {@code aws.endpointUrlCloudWatch} that stands for it here: environment variables cannot be set
 * from a test).
 */
class SdkEndpointSettingsTest {
    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void theSdksServiceEndpointSettingIsHonouredWhenNoOverrideIsConfigured() {
        aws.stubFor(getMetricData()
                .willReturn(cbor(200, metricData("e1", "error_ratio", List.of(at("02:30")), List.of(0.1)))));
        System.setProperty("aws.endpointUrlCloudWatch", aws.baseUrl());
        try (CloudWatchConnection connection = new CloudWatchConnection(
                Region.EU_WEST_1,
                null,
                null,
                person -> StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAX", "secret")))) {
            CloudWatchSignals signals = new CloudWatchSignals(connection, CloudWatchDefaults.signals(), CHECKOUT);

            assertThat(signals.read(SignalName.ERROR_RATIO, "checkout", "shop", FROM, NOW, generous()))
                    .hasSize(1);
        } finally {
            System.clearProperty("aws.endpointUrlCloudWatch");
        }
    }
}
