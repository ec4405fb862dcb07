package dev.opsbot.bench.internal;

import dev.opsbot.slack.inbound.SlackSignatureCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends Slack Events API deliveries to opsbot's {@code POST /slack/events} the way Slack does: JSON body, signed
 * with the signing secret over {@code v0:timestamp:body} (opsbot's own {@link SlackSignatureCheck#sign}), and on a
 * retry the {@code X-Slack-Retry-Num} header. Loopback targets only, like {@link ConsoleClient}.
 */
public final class SignedEventSender implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI endpoint;
    private final SlackSignatureCheck signer;
    private final ExecutorService executor;
    private final HttpClient http;

    public SignedEventSender(URI base, String signingSecret, int threads) {
        this.endpoint = ConsoleClient.requireLoopback(base).resolve("/slack/events");
        this.signer = new SlackSignatureCheck(signingSecret, Clock.systemUTC());
        this.executor = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().daemon().name("slack-http-", 0).factory());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .executor(executor)
                .build();
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
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signer.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (retryNum > 0) {
            request.header("X-Slack-Retry-Num", String.valueOf(retryNum))
                    .header("X-Slack-Retry-Reason", "http_timeout");
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        http.close();
        executor.shutdownNow();
    }
}
