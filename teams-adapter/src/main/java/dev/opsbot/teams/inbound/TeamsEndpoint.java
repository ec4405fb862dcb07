package dev.opsbot.teams.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.store.ChatAddresses;
import dev.opsbot.teams.TeamsSettings;
import dev.opsbot.teams.auth.BotConnectorTokens;
import dev.opsbot.teams.auth.TokenCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework's {@code POST /api/messages} as one framework-neutral call: the web server hands over the raw body
 * and headers and copies the {@link Response} back.
 *
 * <p>Order matters. The token is checked before the body is read, so nobody without one learns how opsbot reads
 * input; the activity's {@code serviceUrl} is then checked against the token's before anything else happens. The
 * addresses are remembered before the event is handed on, so a reply always finds its conversation. An event the sink
 * cannot take (the dispatcher records it durably before returning) is answered 503, so the connector sends it again
 * and the dispatcher dedupes by event id: nothing is lost.
 */
public final class TeamsEndpoint {
    /** Bigger bodies are refused before anything else: no activity opsbot reads comes near it. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Logger log = LoggerFactory.getLogger(TeamsEndpoint.class);
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    /** What to send back to the Bot Connector. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public Response {
            headers = Map.copyOf(headers);
            body = body == null ? "" : body;
        }

        static Response ok() {
            return new Response(200, JSON, "{}");
        }

        static Response error(int status, String message) {
            return new Response(status, JSON, Serialization.toStringSilent(Map.of("error", message)));
        }
    }

    /** How a request ended, for metrics. */
    public enum Outcome {
        /** Events handed to the sink. */
        ACCEPTED,
        /** An activity opsbot does not act on (typing, conversation updates, ...), answered 200. */
        IGNORED,
        /** 401: no token, or one the connector did not sign for this bot and this activity. */
        UNAUTHORIZED,
        /** 400: not JSON, not an activity, or one without conversation, sender or id. */
        MALFORMED,
        /** 413: a body over {@link #MAX_BODY_BYTES}. */
        TOO_LARGE,
        /** 503: the sink or the address store failed; the connector may send it again. */
        UNAVAILABLE
    }

    /** Told how every request ended. Must be quick and must not throw: it runs on the ack path. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = outcome -> {};

        void handled(Outcome outcome);
    }

    private final BotConnectorTokens tokens;
    private final TeamsActivityTranslator translator;
    private final TeamsAddressBook addresses;
    private final Consumer<ChatEvent> sink;
    private final Listener listener;

    public TeamsEndpoint(
            BotConnectorTokens tokens,
            TeamsActivityTranslator translator,
            TeamsAddressBook addresses,
            Consumer<ChatEvent> sink,
            Listener listener) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.translator = Objects.requireNonNull(translator, "translator");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The endpoint for {@code settings}' bot.
     *
     * @param sink takes each event; the app passes {@code dispatcher::submit}
     */
    public static TeamsEndpoint create(
            TeamsSettings settings, ChatAddresses addresses, Consumer<ChatEvent> sink, Clock clock, Listener listener) {
        return new TeamsEndpoint(
                new BotConnectorTokens(settings, clock),
                new TeamsActivityTranslator(settings, clock),
                new TeamsAddressBook(addresses, clock),
                sink,
                listener);
    }

    public Response handle(String body, Map<String, List<String>> headers) {
        if (body != null && tooLarge(body)) {
            return answer(Outcome.TOO_LARGE, Response.error(413, "body over " + MAX_BODY_BYTES + " bytes"));
        }
        TokenCheck token = tokens.verify(header(headers, "Authorization"));
        if (token instanceof TokenCheck.Refused refused) {
            return unauthorized(refused);
        }
        if (body == null || body.isBlank()) {
            return malformed("empty body");
        }
        JsonNode tree;
        try {
            tree = Serialization.jsonToTree(body);
        } catch (IOException e) {
            return malformed("not JSON");
        }
        if (tree == null || !tree.isObject()) {
            return malformed("not a JSON object");
        }
        TokenCheck admitted = ((TokenCheck.Valid) token)
                .admits(
                        tree.path("serviceUrl").textValue(),
                        tree.path("channelId").textValue());
        if (admitted instanceof TokenCheck.Refused refused) {
            return unauthorized(refused);
        }
        Activity activity;
        try {
            activity = ActivityJson.read(tree);
        } catch (JsonProcessingException e) {
            return malformed("not a Bot Framework activity: " + e.getOriginalMessage());
        }
        String missing = TeamsActivityTranslator.missingField(activity);
        if (missing != null) {
            return malformed("the activity has no " + missing);
        }
        return deliver(activity);
    }

    private Response deliver(Activity activity) {
        List<ChatEvent> events;
        try {
            events = translator.translate(activity);
        } catch (RuntimeException e) {
            log.warn("could not read a Teams {} activity: {}", activity.getType(), e.toString());
            return malformed("an activity opsbot cannot read: " + e.getMessage());
        }
        try {
            addresses.remember(activity);
            events.forEach(sink);
        } catch (RuntimeException e) {
            log.error(
                    "could not take a Teams {} activity, the connector may retry: {}",
                    activity.getType(),
                    e.toString());
            return answer(Outcome.UNAVAILABLE, Response.error(503, "opsbot cannot take events right now"));
        }
        return answer(events.isEmpty() ? Outcome.IGNORED : Outcome.ACCEPTED, Response.ok());
    }

    private Response unauthorized(TokenCheck.Refused refused) {
        log.info("refused a Teams request: {}", refused);
        return answer(
                Outcome.UNAUTHORIZED,
                Response.error(401, "unauthorized: " + refused.reason().name().toLowerCase()));
    }

    private Response malformed(String why) {
        log.info("malformed Teams request: {}", why);
        return answer(Outcome.MALFORMED, Response.error(400, why));
    }

    private Response answer(Outcome outcome, Response response) {
        try {
            listener.handled(outcome);
        } catch (RuntimeException e) {
            log.warn("the Teams endpoint's listener failed on {}: {}", outcome, e.toString());
        }
        return response;
    }

    private static boolean tooLarge(String body) {
        // a UTF-8 character is at most 3 bytes per UTF-16 char: count exactly only when it could matter
        return body.length() > MAX_BODY_BYTES / 3 && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES;
    }

    private static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (name.equalsIgnoreCase(header.getKey())
                    && header.getValue() != null
                    && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
