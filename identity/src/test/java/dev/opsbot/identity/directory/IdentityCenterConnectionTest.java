package dev.opsbot.identity.directory;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.identity.directory.IdentityStoreStubs.STORE;
import static dev.opsbot.identity.directory.IdentityStoreStubs.directory;
import static dev.opsbot.identity.directory.IdentityStoreStubs.group;
import static dev.opsbot.identity.directory.IdentityStoreStubs.json;
import static dev.opsbot.identity.directory.IdentityStoreStubs.memberships;
import static dev.opsbot.identity.directory.IdentityStoreStubs.operation;
import static dev.opsbot.identity.directory.IdentityStoreStubs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** How the production client meets a slow, absent or relocated Identity Store. */
class IdentityCenterConnectionTest {
    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final StaticCredentialsProvider KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAOPSBOTEXAMPLE", "secret"));

    @Test
    void aSlowIdentityStoreTimesOutWithinTheCallTimeout() {
        aws.stubFor(operation("GetUserId")
                .willReturn(json(Map.of("IdentityStoreId", STORE, "UserId", "u-alice"))
                        .withFixedDelay(3_000)));

        long started = System.nanoTime();
        try (IdentityCenterDirectory directory = directory(aws, Duration.ofMillis(300))) {
            assertThatThrownBy(() -> directory.find("alice@example.com"))
                    .isInstanceOfSatisfying(DirectoryUnavailableException.class, e -> {
                        assertThat(e.getMessage())
                                .isEqualTo("IAM Identity Center did not answer within 300 ms (timeout)");
                        assertThat(e.retriable()).isTrue();
                    });
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (IdentityCenterDirectory directory = IdentityCenterDirectory.create(
                STORE, Region.US_EAST_1, URI.create("http://localhost:" + closedPort), KEYS, null)) {
            assertThatThrownBy(() -> directory.find("alice@example.com"))
                    .isInstanceOfSatisfying(DirectoryUnavailableException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("IAM Identity Center did not answer (connection refused)");
                        assertThat(e.retriable()).isTrue();
                    });
        }
    }

    /** {@code aws.endpointUrlIdentitystore} stands for {@code AWS_ENDPOINT_URL_IDENTITYSTORE}: a test cannot set that. */
    @Test
    void theSdksOwnEndpointSettingIsHonouredWithoutAnOverride() {
        user(aws, "alice@example.com", "u-alice", "Alice Liddell");
        memberships(aws, "u-alice", "g-sre");
        group(aws, "g-sre", "sre");
        System.setProperty("aws.endpointUrlIdentitystore", aws.baseUrl());
        try (IdentityCenterDirectory directory =
                IdentityCenterDirectory.create(STORE, Region.EU_WEST_1, null, KEYS, null)) {
            assertThat(directory.find("alice@example.com").orElseThrow().groups())
                    .containsExactly("sre");
        } finally {
            System.clearProperty("aws.endpointUrlIdentitystore");
        }
    }

    @Test
    void anIdentityStoreIdThatIsNotOneIsRefusedAtStart() {
        assertThatThrownBy(() -> IdentityCenterDirectory.create("ssoins-1234", Region.US_EAST_1, null, KEYS, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'ssoins-1234' is not an identity store id: IAM Identity Center shows it as d-1234567890 "
                        + "(Settings, Identity source)");
    }

    @Test
    void itDescribesItselfByItsStore() {
        try (IdentityCenterDirectory directory = directory(aws)) {
            assertThat(directory.description()).isEqualTo("IAM Identity Center (d-1234567890)");
        }
    }
}
