package dev.opsbot.identity.sts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.opsbot.identity.sts.StsStub.assumeRole;
import static dev.opsbot.identity.sts.StsStub.assumeRoleCalls;
import static dev.opsbot.identity.sts.StsStub.error;
import static dev.opsbot.identity.sts.StsStub.issued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditEvent.ElevationRefused;
import dev.opsbot.core.identity.ElevationException;
import dev.opsbot.core.identity.ElevationException.Kind;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.testing.identity.People;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

class StsCredentialBrokerRefusalTest {
    static final Instant NOW = People.RESOLVED;
    static final String TRUST_POLICY = "AWS refused to let opsbot assume opsbot-read-oncall for alice@example.com: "
            + "the role's trust policy must allow opsbot's own role with sts:AssumeRole, sts:SetSourceIdentity and "
            + "sts:TagSession (see docs/identity.md)";

    @RegisterExtension
    static WireMockExtension sts = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort())
            .build();

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final StsClient client = StsStub.client(sts);
    final StsCredentialBroker broker = new StsCredentialBroker(client, audit, clock, StsSettings.defaults());

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void aPersonWithNoReadRoleInTheEnvironmentIsRefusedWithoutAskingSts() {
        ElevationException refused = readFails(People.carol(), "production");

        assertThat(refused.kind()).isEqualTo(Kind.NO_ROLE);
        assertThat(refused.getMessage())
                .isEqualTo("no AWS read role is mapped for carol@example.com in production (their groups: "
                        + "staging-devs)");
        assertThat(assumeRoleCalls(sts)).isEmpty();
        assertThat(audit.events())
                .containsExactly(new ElevationRefused(
                        NOW,
                        "carol@example.com",
                        AuditEvent.Mode.READ,
                        "production",
                        null,
                        "console/inc-checkout/1712345678.000100",
                        null,
                        refused.getMessage()));
    }

    @Test
    void stsAccessDeniedTellsWhichTrustPolicyToFix() {
        sts.stubFor(assumeRole().willReturn(StsStub.accessDenied()));

        ElevationException refused = readFails(People.alice(), "production");

        assertThat(refused.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(refused.retriable()).isFalse();
        assertThat(refused.getMessage()).isEqualTo(TRUST_POLICY);
        assertThat(audit.events(ElevationRefused.class)).singleElement().satisfies(event -> {
            assertThat(event.role()).isEqualTo(People.READ_ROLE);
            assertThat(event.mode()).isEqualTo(AuditEvent.Mode.READ);
            assertThat(event.reason())
                    .startsWith(TRUST_POLICY)
                    .contains("STS AccessDenied, HTTP 403, request 4a5e6f70-stub-request")
                    .contains("is not authorized to perform: sts:AssumeRole");
        });
    }

    static Stream<Arguments> passingOutages() {
        return Stream.of(
                Arguments.of("500", error(500, "InternalFailure", "We encountered an internal error.")),
                Arguments.of("503", error(503, "ServiceUnavailable", "Service is unavailable.")),
                Arguments.of("throttling", error(400, "Throttling", "Rate exceeded")),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passingOutages")
    void aPassingStsOutageIsUnavailableAndRetriable(String what, ResponseDefinitionBuilder answer) {
        sts.stubFor(assumeRole().willReturn(answer));

        ElevationException refused = readFails(People.alice(), "production");

        assertThat(refused.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(refused.retriable()).isTrue();
        assertThat(refused.getMessage()).isEqualTo("AWS STS did not answer; try again");
        assertThat(audit.events(ElevationRefused.class)).singleElement().satisfies(event -> assertThat(event.reason())
                .startsWith("AWS STS did not answer; try again ("));
    }

    @Test
    void anStsCallThatTimesOutIsUnavailable() {
        sts.stubFor(assumeRole().willReturn(issued(NOW.plusSeconds(900)).withFixedDelay(2_000)));
        try (StsClient impatient = StsStub.client(sts, Duration.ofMillis(300))) {
            var broker = new StsCredentialBroker(impatient, audit, clock, StsSettings.defaults());

            ElevationException refused = catchThrowableOfType(
                    ElevationException.class, () -> broker.forRead(People.alice(), "production", Chat.ALICE_ASKS));

            assertThat(refused.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(refused.getMessage()).isEqualTo("AWS STS did not answer; try again");
            assertThat(audit.events(ElevationRefused.class))
                    .singleElement()
                    .satisfies(event -> assertThat(event.reason()).contains("ApiCallAttemptTimeoutException"));
        }
    }

    static Stream<Arguments> opsbotsOwnCredentialsRefused() {
        return Stream.of(
                Arguments.of(
                        error(403, "InvalidClientTokenId", "The security token included in the request is invalid.")),
                Arguments.of(error(400, "ExpiredToken", "The security token included in the request is expired")),
                Arguments.of(error(
                        403,
                        "SignatureDoesNotMatch",
                        "The request signature we calculated does not match the signature you provided.")));
    }

    @ParameterizedTest
    @MethodSource("opsbotsOwnCredentialsRefused")
    void brokenOwnCredentialsNameOpsbotsOwnIdentityNotThePersonsRole(ResponseDefinitionBuilder answer) {
        sts.stubFor(assumeRole().willReturn(answer));

        ElevationException refused = readFails(People.alice(), "production");

        assertThat(refused.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(refused.getMessage())
                .startsWith("opsbot's own AWS credentials were refused (")
                .contains("so it cannot act for anyone: ask opsbot's operators to check opsbot's own identity")
                .doesNotContain("trust policy");
    }

    @Test
    void opsbotWithoutCredentialsOfItsOwnSaysSoInsteadOfBlamingSts() {
        AwsCredentialsProvider nothing = () -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        };
        try (StsClient bare = StsClient.builder()
                .endpointOverride(URI.create(sts.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(nothing)
                .build()) {
            var broker = new StsCredentialBroker(bare, audit, clock, StsSettings.defaults());

            ElevationException refused = catchThrowableOfType(
                    ElevationException.class, () -> broker.forRead(People.alice(), "production", Chat.ALICE_ASKS));

            assertThat(refused.kind()).isEqualTo(Kind.ACCESS_DENIED);
            assertThat(refused.getMessage())
                    .startsWith("opsbot's own AWS credentials could not be loaded, so it cannot act for anyone");
            assertThat(assumeRoleCalls(sts)).isEmpty();
        }
    }

    @Test
    void aRegionWhereStsIsDisabledNamesOpsbotsOwnAccount() {
        sts.stubFor(assumeRole()
                .willReturn(error(
                        403,
                        "RegionDisabledException",
                        "STS is not activated in this region for account:111111111111.")));

        ElevationException refused = readFails(People.alice(), "production");

        assertThat(refused.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(refused.getMessage())
                .startsWith("AWS STS is not activated in this region for opsbot's own AWS account");
    }

    @Test
    void anyOtherStsRefusalRepeatsWhatStsSaid() {
        sts.stubFor(assumeRole()
                .willReturn(error(
                        400,
                        "ValidationError",
                        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")));

        ElevationException refused = readFails(People.alice(), "production");

        assertThat(refused.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(refused.getMessage())
                .isEqualTo("AWS STS would not issue a session in opsbot-read-oncall for alice@example.com "
                        + "(ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for "
                        + "this role.)");
    }

    @Test
    void aFailedFetchIsNotCachedSoTheNextReadAsksAgain() {
        sts.stubFor(assumeRole().willReturn(error(500, "InternalFailure", "We encountered an internal error.")));
        readFails(People.alice(), "production");

        sts.stubFor(assumeRole().willReturn(issued(NOW.plusSeconds(900))));
        var session = broker.forRead(People.alice(), "production", Chat.ALICE_ASKS);

        assertThat(session.accessKeyId()).isEqualTo(StsStub.ACCESS_KEY);
        assertThat(assumeRoleCalls(sts)).hasSize(2);
        assertThat(audit.events())
                .extracting(AuditEvent::kind)
                .containsExactly("elevation_refused", "elevation_granted");
    }

    @Test
    void aRefusalReachesEveryoneWaitingForTheSameCallAndIsRecordedOnce() throws Exception {
        sts.stubFor(assumeRole().willReturn(StsStub.accessDenied().withFixedDelay(200)));
        var start = new CountDownLatch(1);

        List<Throwable> failures;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> reads = IntStream.range(0, 20)
                    .<Future<?>>mapToObj(i -> executor.submit(() -> {
                        start.await();
                        return broker.forRead(People.alice(), "production", Chat.ALICE_ASKS);
                    }))
                    .toList();
            start.countDown();
            failures = reads.stream()
                    .map(StsCredentialBrokerRefusalTest::failureOf)
                    .toList();
        }

        assertThat(assumeRoleCalls(sts)).hasSize(1);
        assertThat(failures).hasSize(20).allSatisfy(failure -> assertThat(failure)
                .isInstanceOfSatisfying(
                        ElevationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED))
                .hasMessage(TRUST_POLICY));
        assertThat(audit.events(ElevationRefused.class)).hasSize(1);
    }

    private ElevationException readFails(Identity person, String environment) {
        return catchThrowableOfType(
                ElevationException.class, () -> broker.forRead(person, environment, Chat.ALICE_ASKS));
    }

    private static Throwable failureOf(Future<?> future) {
        try {
            future.get();
            throw new AssertionError("the read should have been refused");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
