package dev.opsbot.tools.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.core.identity.CloudCredentials;
import dev.opsbot.core.identity.SessionCredentials;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.http.TestContexts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Alice, whose own STS session signs every AWS call the tests make: its keys must never appear in an answer. */
public final class AliceSession {
    public static final String KEY = "ASIAALICESESSION";
    public static final String SECRET = "alice-session-secret";
    public static final String TOKEN = "FwoGZXIvYXdzEALICE-SESSION-TOKEN";

    public static final CloudCredentials CREDENTIALS = () -> new SessionCredentials(
            KEY,
            SECRET,
            TOKEN,
            Instant.now().plus(Duration.ofMinutes(15)),
            "arn:aws:iam::111111111111:role/opsbot-read-oncall");

    private AliceSession() {}

    /** The request's {@code Authorization}, once it is checked to be signed with her session and carry its token. */
    public static String authorization(LoggedRequest request) {
        assertThat(request.getHeader("X-Amz-Security-Token")).isEqualTo(TOKEN);
        String authorization = request.getHeader("Authorization");
        assertThat(authorization).contains("Credential=" + KEY + "/");
        return authorization;
    }

    /** Alice asking with {@code budget} to answer, on {@code clock}. */
    public static ToolContext asking(Duration budget, Clock clock) {
        return ToolContext.of(TestContexts.ALICE, CREDENTIALS, budget, clock);
    }
}
