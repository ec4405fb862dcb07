package dev.opsbot.tools.aws;

import dev.opsbot.core.identity.ElevationException;
import dev.opsbot.core.identity.SessionCredentials;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The acting person's own STS session as the SDK's credentials: what every AWS read is signed with in production. */
public final class PersonsSession {
    private PersonsSession() {}

    /**
     * The session of {@link ToolContext#cloud()}, fetched when the first call needs it. A person with no read role, or
     * whom STS refuses, fails the call as FORBIDDEN with the broker's explanation (UNAVAILABLE when STS did not
     * answer), and nothing is sent.
     *
     * @param source the source such a failure names ({@code cloudwatch}, {@code cost}, {@code compliance})
     */
    public static Function<ToolContext, AwsCredentialsProvider> credentials(String source) {
        Objects.requireNonNull(source, "source");
        return context -> {
            SessionCredentials session;
            try {
                session = context.cloud().get();
            } catch (ElevationException refused) {
                throw new SourceFailure(
                        source,
                        refused.kind() == ElevationException.Kind.UNAVAILABLE
                                ? SourceFailure.Kind.UNAVAILABLE
                                : SourceFailure.Kind.FORBIDDEN,
                        refused.getMessage(),
                        null);
            }
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    session.accessKeyId(), session.secretAccessKey(), session.sessionToken()));
        };
    }
}
