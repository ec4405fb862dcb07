package dev.opsbot.identity.sts;

import static dev.opsbot.identity.sts.StsStub.assumeRole;
import static dev.opsbot.identity.sts.StsStub.assumeRoleCalls;
import static dev.opsbot.identity.sts.StsStub.issued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditEvent.ElevationGranted;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.identity.SessionCredentials;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.testing.identity.People;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sts.StsClient;

class StsCredentialBrokerReadTest {
    static final Instant NOW = People.RESOLVED;
    static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(15));

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
    void readAssumesThePersonsReadRoleAsThemWithTheThreadsTags() {
        sts.stubFor(assumeRole().willReturn(issued(EXPIRES)));

        SessionCredentials session = broker.forRead(People.alice(), "production", Chat.ALICE_ASKS);

        assertThat(session)
                .isEqualTo(new SessionCredentials(
                        StsStub.ACCESS_KEY, StsStub.SECRET_KEY, StsStub.SESSION_TOKEN, EXPIRES, People.READ_ROLE));
        assertThat(StsStub.lastCall(sts))
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("Action", "AssumeRole"),
                        entry("Version", "2011-06-15"),
                        entry("RoleArn", People.READ_ROLE),
                        entry("RoleSessionName", "opsbot-alice-Ev01ABCDEF234567"),
                        entry("SourceIdentity", "alice@example.com"),
                        entry("DurationSeconds", "900"),
                        entry("Tags.member.1.Key", "opsbot:chat-user"),
                        entry("Tags.member.1.Value", "console:alice"),
                        entry("Tags.member.2.Key", "opsbot:channel"),
                        entry("Tags.member.2.Value", "inc-checkout"),
                        entry("Tags.member.3.Key", "opsbot:thread"),
                        entry("Tags.member.3.Value", "1712345678.000100"),
                        entry("Tags.member.4.Key", "opsbot:request"),
                        entry("Tags.member.4.Value", Chat.REQUEST)));
    }

    @Test
    void readOfATeamsThreadSanitisesTheSessionNameAndTags() {
        sts.stubFor(assumeRole().willReturn(issued(EXPIRES)));
        var teams = new ThreadRef("teams", "19:abc@thread.tacv2", "19:abc@thread.tacv2;messageid=1712345678901");

        broker.forRead(People.alice(), "production", Chat.asks(teams, "f:1b2c/3d4e 5f6a"));

        assertThat(StsStub.lastCall(sts))
                .contains(
                        entry("RoleSessionName", "opsbot-alice-f_1b2c_3d4e_5f6a"),
                        entry("Tags.member.2.Value", "19:abc@thread.tacv2"),
                        entry("Tags.member.3.Value", "19:abc@thread.tacv2_messageid=1712345678901"),
                        entry("Tags.member.4.Value", "f:1b2c/3d4e 5f6a"));
    }

    @Test
    void aGrantedReadIsRecordedWithRoleSessionExpiryThreadAndGroups() {
        sts.stubFor(assumeRole().willReturn(issued(EXPIRES)));

        broker.forRead(People.alice(), "production", Chat.ALICE_ASKS);

        assertThat(audit.events())
                .containsExactly(new ElevationGranted(
                        NOW,
                        "alice@example.com",
                        AuditEvent.Mode.READ,
                        "production",
                        People.READ_ROLE,
                        "opsbot-alice-Ev01ABCDEF234567",
                        EXPIRES,
                        "console/inc-checkout/1712345678.000100",
                        null,
                        null,
                        List.of(),
                        List.of("oncall")));
    }

    @Test
    void aSessionThatCannotBeRecordedIsNotHandedOut() {
        sts.stubFor(assumeRole().willReturn(issued(EXPIRES)));
        AuditLog broken = new AuditLog() {
            @Override
            public void record(AuditEvent event) {
                throw new IllegalStateException("audit database is down");
            }

            @Override
            public List<AuditEntry> since(Instant since, int limit) {
                return List.of();
            }
        };
        var unrecorded = new StsCredentialBroker(client, broken, clock, StsSettings.defaults());

        assertThatThrownBy(() -> unrecorded.forRead(People.alice(), "production", Chat.ALICE_ASKS))
                .hasMessage("audit database is down");
    }

    @Test
    void aSecondReadInTheSameThreadReusesTheSessionWithoutAnotherCallOrAuditEvent() {
        sts.stubFor(assumeRole().willReturn(issued(EXPIRES)));

        SessionCredentials first = broker.forRead(People.alice(), "production", Chat.ALICE_ASKS);
        SessionCredentials second = broker.forRead(People.alice(), "production", Chat.asks(Chat.THREAD, "Ev02"));

        assertThat(second).isEqualTo(first);
        assertThat(assumeRoleCalls(sts)).hasSize(1);
        assertThat(audit.events()).hasSize(1);
    }

    @Test
    void aReadInAnotherThreadGetsItsOwnSessionTaggedWithThatThread() {
        sts.stubFor(assumeRole().willReturn(issued(EXPIRES)));

        broker.forRead(People.alice(), "production", Chat.ALICE_ASKS);
        broker.forRead(People.alice(), "production", Chat.asks(Chat.OTHER_THREAD, "Ev03"));

        assertThat(assumeRoleCalls(sts)).hasSize(2);
        assertThat(StsStub.lastCall(sts)).contains(entry("Tags.member.3.Value", "1712349999.000200"));
        assertThat(audit.events(ElevationGranted.class))
                .extracting(ElevationGranted::thread)
                .containsExactly("console/inc-checkout/1712345678.000100", "console/inc-checkout/1712349999.000200");
    }

    @Test
    void aCachedSessionIsReplacedOnceItExpiresWithinTheRefreshMargin() {
        sts.stubFor(assumeRole().willReturn(issued(EXPIRES)));
        SessionCredentials first = broker.forRead(People.alice(), "production", Chat.ALICE_ASKS);

        clock.advance(Duration.ofMinutes(13).minusSeconds(1));
        assertThat(broker.forRead(People.alice(), "production", Chat.ALICE_ASKS))
                .isEqualTo(first);
        assertThat(assumeRoleCalls(sts)).hasSize(1);

        sts.stubFor(assumeRole().willReturn(issued("ASIASECONDSESSION", EXPIRES.plus(Duration.ofMinutes(13)))));
        clock.advance(Duration.ofSeconds(1));
        SessionCredentials refreshed = broker.forRead(People.alice(), "production", Chat.ALICE_ASKS);

        assertThat(refreshed.accessKeyId()).isEqualTo("ASIASECONDSESSION");
        assertThat(assumeRoleCalls(sts)).hasSize(2);
        assertThat(audit.events(ElevationGranted.class)).hasSize(2);
    }

    @Test
    void aHundredConcurrentReadsMakeExactlyOneStsCallAndShareItsSession() throws Exception {
        sts.stubFor(assumeRole().willReturn(issued(EXPIRES).withFixedDelay(200)));
        var start = new CountDownLatch(1);
        Callable<SessionCredentials> read = () -> {
            start.await();
            return broker.forRead(People.alice(), "production", Chat.ALICE_ASKS);
        };

        List<SessionCredentials> sessions;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SessionCredentials>> futures =
                    IntStream.range(0, 100).mapToObj(i -> executor.submit(read)).toList();
            start.countDown();
            sessions = futures.stream().map(StsCredentialBrokerReadTest::join).toList();
        }

        assertThat(assumeRoleCalls(sts)).hasSize(1);
        assertThat(sessions).hasSize(100).containsOnly(sessions.getFirst());
        assertThat(sessions.getFirst().accessKeyId()).isEqualTo(StsStub.ACCESS_KEY);
        assertThat(audit.events(ElevationGranted.class)).hasSize(1);
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
