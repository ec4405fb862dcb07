package dev.opsbot.bench.internal;

import dev.opsbot.slack.inbound.SlackSignatureCheck;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Sends Slack Events API deliveries to opsbot's {@code POST /slack/events} the way Slack does: JSON body, signed
 * with the signing secret over {@code v0:timestamp:body} (opsbot's own {@link SlackSignatureCheck#sign}), and on a
 * retry the {@code X-Slack-Retry-Num} header. Loopback targets only ({@link JsonPoster}).
 */
public final class SignedEventSender implements AutoCloseable {
    private final JsonPoster poster;
    private final SlackSignatureCheck signer;

    public SignedEventSender(URI base, String signingSecret, int threads) {
        this.poster = new JsonPoster(base, "/slack/events", threads, "slack-http-");
        this.signer = new SlackSignatureCheck(signingSecret, Clock.systemUTC());
    }

    /** An {@code app_mention} of the bot, starting its own thread at {@code ts}. */
    public static String mention(String eventId, String channel, String user, String botUser, String text, String ts) {
        return String.format(
                Locale.ROOT,
                "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event_id\":\"%s\","
                        + "\"event_time\":%d,\"event\":{\"type\":\"app_mention\",\"user\":\"%s\",\"text\":\"<@%s> %s\","
                        + "\"ts\":\"%s\",\"channel\":\"%s\",\"event_ts\":\"%s\"}}",
                eventId,
                Instant.now().getEpochSecond(),
                user,
                botUser,
                text,
                ts,
                channel,
                ts);
    }

    /** @param retryNum Slack's retry count, or 0 for a first delivery (no header) */
    public CompletableFuture<HttpResponse<String>> send(String body, int retryNum) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest.Builder request = poster.request(body)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signer.sign(timestamp, body));
        if (retryNum > 0) {
            request.header("X-Slack-Retry-Num", String.valueOf(retryNum))
                    .header("X-Slack-Retry-Reason", "http_timeout");
        }
        return poster.send(request);
    }

    @Override
    public void close() {
        poster.close();
    }
}
