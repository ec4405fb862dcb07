package dev.opsbot.identity.sts;

import static dev.opsbot.identity.sts.StsStub.assumeRole;
import static dev.opsbot.identity.sts.StsStub.issued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.identity.ElevationException;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.testing.identity.People;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sts.StsClient;

/** Sessions go to the caller and nowhere else: not the audit log, not an exception, not a log line. */
class NoCredentialLeakTest {
    @RegisterExtension
    static WireMockExtension sts = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort())
            .build();

    final MutableClock clock = new MutableClock(People.RESOLVED);
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final StsClient client = StsStub.client(sts);
    final StsCredentialBroker broker = new StsCredentialBroker(client, audit, clock, StsSettings.defaults());
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logged);
        client.close();
    }

    @Test
    void noSecretKeyOrSessionTokenReachesTheAuditLogAnExceptionOrTheLog() {
        var expires = People.RESOLVED.plus(Duration.ofMinutes(15));
        sts.stubFor(assumeRole().willReturn(issued(expires)));
        var session = broker.forRead(People.alice(), "production", Chat.ALICE_ASKS);
        var write = broker.forWrite(Chat.approved(Chat.SCALE_CHECKOUT));
        broker.forWrite(Chat.approved(Chat.ROLLBACK_CHECKOUT));
        sts.stubFor(assumeRole().willReturn(StsStub.accessDenied()));
        List<Exception> refusals = new ArrayList<>();
        refusals.add(refusal(() -> broker.forRead(People.alice(), "production", Chat.asks(Chat.OTHER_THREAD, "Ev9"))));
        refusals.add(refusal(() -> broker.forRead(People.carol(), "production", Chat.ALICE_ASKS)));
        refusals.add(refusal(() -> broker.forWrite(Chat.approved(Chat.SCALE_CHECKOUT))));

        List<String> seen = new ArrayList<>();
        audit.events().forEach(event -> seen.add(event.toString()));
        refusals.forEach(refusal -> seen.add(refusal.getMessage() + " " + refusal));
        logged.list.forEach(line -> seen.add(line.getFormattedMessage()));
        seen.add(session.toString());
        seen.add(write.toString());

        assertThat(audit.events()).hasSize(6);
        assertThat(logged.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line ->
                        line.contains("issued read session opsbot-alice-Ev01ABCDEF234567 in " + People.READ_ROLE));
        assertThat(seen).isNotEmpty().allSatisfy(text -> assertThat(text)
                .doesNotContain(StsStub.SECRET_KEY)
                .doesNotContain(StsStub.SESSION_TOKEN)
                .doesNotContain(StsStub.ACCESS_KEY));
    }

    private static Exception refusal(ThrowingCallable call) {
        return catchThrowableOfType(ElevationException.class, call);
    }
}
