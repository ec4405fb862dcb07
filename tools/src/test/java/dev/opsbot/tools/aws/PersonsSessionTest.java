package dev.opsbot.tools.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.opsbot.core.identity.CloudCredentials;
import dev.opsbot.core.identity.ElevationException;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.http.TestContexts;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** The person's STS session as the SDK's credentials, and a person without one failing the source that asked. */
class PersonsSessionTest {
    private static SourceFailure refusedWith(ElevationException.Kind kind) {
        CloudCredentials none = () -> {
            throw new ElevationException(kind, "no AWS read role is mapped for carol@example.com in production");
        };
        ToolContext context = ToolContext.of(TestContexts.ALICE, none, Duration.ofSeconds(5), Clock.systemUTC());
        return catchThrowableOfType(
                SourceFailure.class, () -> PersonsSession.credentials("cost").apply(context));
    }

    @Test
    void theSessionsKeysAndTokenSignTheCall() {
        AwsCredentials credentials = PersonsSession.credentials("cost")
                .apply(AliceSession.asking(Duration.ofSeconds(5), Clock.systemUTC()))
                .resolveCredentials();

        assertThat(credentials).isInstanceOfSatisfying(AwsSessionCredentials.class, session -> {
            assertThat(session.accessKeyId()).isEqualTo(AliceSession.KEY);
            assertThat(session.secretAccessKey()).isEqualTo(AliceSession.SECRET);
            assertThat(session.sessionToken()).isEqualTo(AliceSession.TOKEN);
        });
    }

    @Test
    void aPersonWithoutARoleOrWhomStsRefusesIsForbiddenInTheAskingSource() {
        for (ElevationException.Kind kind :
                new ElevationException.Kind[] {ElevationException.Kind.NO_ROLE, ElevationException.Kind.ACCESS_DENIED
                }) {
            SourceFailure failure = refusedWith(kind);

            assertThat(failure.source()).isEqualTo("cost");
            assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
            assertThat(failure.getMessage())
                    .isEqualTo("no AWS read role is mapped for carol@example.com in production");
        }
    }

    @Test
    void stsNotAnsweringIsUnavailableAndRetriable() {
        SourceFailure failure = refusedWith(ElevationException.Kind.UNAVAILABLE);

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(failure.retriable()).isTrue();
    }
}
