package dev.opsbot.slack.outbound;

import com.google.gson.Gson;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.opsbot.core.chat.ChatDeliveryException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one Slack Web API method the way opsbot needs: HTTP 429 is waited out for as long as Slack's
 * {@code Retry-After} says and the call repeated (up to {@link #MAX_ATTEMPTS} times, so nothing is dropped by a
 * short burst), and every other failure becomes a {@link ChatDeliveryException} naming the method and Slack's error
 * code. Messages and logs never carry the token: Bolt sends it in a header, and only method names and codes are
 * written here.
 *
 * <p>The calls made for every answer ({@code chat.postMessage}, {@code chat.update}, {@code reactions.add}) go
 * through {@link #post}, which parses Slack's answer with one shared Gson. Bolt's typed methods build a new Gson for
 * every response, and with it the reflective adapters for the whole message model Slack echoes back: measured under
 * load, that was a fifth of the CPU spent handling events, competing with the acknowledgement of new ones.
 */
public final class SlackWebApi {
    public static final int MAX_ATTEMPTS = 5;
    /** Slack's per-method windows are a minute; a longer wait means something else is wrong. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(SlackWebApi.class);

    /** One Web API call through Bolt's client. */
    @FunctionalInterface
    public interface Call<T extends SlackApiTextResponse> {
        T call(MethodsClient methods) throws IOException, SlackApiException;
    }

    private final MethodsClient methods;
    private final String botToken;
    private final SlackConfig config;
    private final Gson gson;

    /**
     * @param methods Bolt's client, for the methods not sent through {@link #post}
     * @param botToken the token {@link #post} sends (in a header, as Bolt does)
     * @param config the configuration {@code methods} was built with; its Gson settings parse responses
     */
    public SlackWebApi(MethodsClient methods, String botToken, SlackConfig config, Gson gson) {
        this.methods = Objects.requireNonNull(methods, "methods");
        this.botToken = Objects.requireNonNull(botToken, "botToken");
        this.config = Objects.requireNonNull(config, "config");
        this.gson = Objects.requireNonNull(gson, "gson");
    }

    /**
     * Posts {@code form} to Web API {@code method} and parses the answer as {@code type}, with the same retries and
     * errors as {@link #call}. Build the form with Bolt's {@code RequestFormBuilder.toForm(request)}.
     */
    public <T extends SlackApiTextResponse> T post(String method, FormBody.Builder form, Class<T> type) {
        return call(method, ignored -> {
            try (Response response = methods.runPostFormWithToken(form, method, botToken)) {
                String body = response.body() == null ? "" : response.body().string();
                if (!response.isSuccessful()) {
                    throw new SlackApiException(config, response, body);
                }
                return gson.fromJson(body, type);
            }
        });
    }

    public <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                T response = call.call(methods);
                if (!response.isOk()) {
                    throw refused(method, response.getError());
                }
                return response;
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status != 429) {
                    throw httpFailure(method, e, status);
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw new ChatDeliveryException(
                            "Slack " + method + " still rate limited after " + attempt + " attempts", true, e);
                }
                Duration wait = retryAfter(e.getResponse().header("Retry-After"));
                LOG.info("Slack {} rate limited; retrying in {} s (attempt {})", method, wait.toSeconds(), attempt);
                sleep(method, wait);
            } catch (InterruptedIOException e) {
                throw new ChatDeliveryException("Slack " + method + " timed out", true, e);
            } catch (IOException e) {
                throw new ChatDeliveryException(
                        "Slack " + method + " could not be reached: "
                                + e.getClass().getSimpleName(),
                        true,
                        e);
            }
        }
    }

    /** Slack sends whole seconds; a missing or garbled header waits one second rather than hammering. */
    static Duration retryAfter(String header) {
        long seconds;
        try {
            seconds = header == null ? 1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            seconds = 1;
        }
        Duration wait = Duration.ofSeconds(Math.max(0, seconds));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static ChatDeliveryException refused(String method, String error) {
        // these are Slack's own retriable codes; the rest (channel_not_found, not_in_channel, ...) will not heal
        boolean retriable = "ratelimited".equals(error)
                || "internal_error".equals(error)
                || "fatal_error".equals(error)
                || "service_unavailable".equals(error)
                || "request_timeout".equals(error);
        return new ChatDeliveryException("Slack " + method + " refused: " + error, retriable, null);
    }

    private static ChatDeliveryException httpFailure(String method, SlackApiException e, int status) {
        String error = e.getError() == null ? null : e.getError().getError();
        return new ChatDeliveryException(
                "Slack " + method + " failed with HTTP " + status + (error == null ? "" : ": " + error),
                status >= 500,
                e);
    }

    private static void sleep(String method, Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatDeliveryException("Interrupted while waiting to retry Slack " + method, true, e);
        }
    }
}
