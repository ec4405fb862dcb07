package dev.opsbot.app.slack;

import dev.opsbot.app.config.ApprovalConfig;
import dev.opsbot.app.config.SlackConfig;
import dev.opsbot.app.server.RouteModule;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatPort;
import dev.opsbot.core.store.BotMessageStore;
import dev.opsbot.slack.inbound.SlackEvents;
import dev.opsbot.slack.inbound.SlackHttpEndpoint;
import dev.opsbot.slack.inbound.SlackInboundConfig;
import dev.opsbot.slack.inbound.SlackSocketMode;
import dev.opsbot.slack.inbound.ThreadLookup;
import dev.opsbot.slack.outbound.BlockKitRenderer;
import dev.opsbot.slack.outbound.SlackChatPort;
import dev.opsbot.slack.outbound.SlackClients;
import dev.opsbot.slack.outbound.SlackUsers;
import dev.opsbot.slack.outbound.SlackWebApi;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack wired from {@code slack:}: the Web API port opsbot speaks through, and the events it hears — over HTTP at
 * {@code POST /slack/events} when a signing secret is set, over Socket Mode when an app-level token is.
 */
public final class SlackPlatform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackPlatform.class);
    /** Socket Mode verifies nothing by signature; Bolt still wants a secret. */
    private static final String NO_HTTP = "socket-mode-only";

    private final SlackConfig config;
    private final ApprovalConfig approval;
    private final SlackWebApi api;
    private final SlackChatPort port;
    private final SlackUsers users;
    private SlackHttpEndpoint endpoint;
    private SlackSocketMode socketMode;

    private SlackPlatform(SlackConfig config, ApprovalConfig approval) {
        this.config = config;
        this.approval = approval;
        String apiUrl = config.apiUrl() == null ? SlackClients.SLACK_API : config.apiUrl();
        this.api = SlackClients.webApi(config.botToken().value(), apiUrl, SlackClients.DEFAULT_TIMEOUT);
        this.port = new SlackChatPort(api, new BlockKitRenderer());
        this.users = new SlackUsers(api);
    }

    /** Slack, when {@code slack.botToken} is set. */
    public static Optional<SlackPlatform> create(SlackConfig config, ApprovalConfig approval) {
        return config.botToken() == null ? Optional.empty() : Optional.of(new SlackPlatform(config, approval));
    }

    public ChatPort port() {
        return port;
    }

    /** Who a Slack user is ({@code users.info}, cached): asked while handling an event, never before the ack. */
    public Optional<dev.opsbot.core.chat.ChatUser> user(String userId) {
        return users.user(userId);
    }

    /**
     * Starts hearing events: each becomes a {@link ChatEvent} for {@code sink} (the dispatcher records it before the
     * ack). Threads of reactions are found among opsbot's own messages.
     */
    public void listen(Consumer<ChatEvent> sink, BotMessageStore botMessages, Clock clock) {
        ThreadLookup threads = (channel, messageTs) -> botMessages
                .find("slack", messageTs)
                .map(message -> message.ref().thread().thread());
        String secret = config.signingSecret() == null
                ? NO_HTTP
                : config.signingSecret().value();
        SlackEvents events = new SlackEvents(
                new SlackInboundConfig(
                        config.botToken().value(),
                        secret,
                        config.apiUrl(),
                        SlackInboundConfig.DEFAULT_COMMAND,
                        first(approval.approveReactions()),
                        first(approval.rejectReactions())),
                sink,
                // the ack path never calls Slack: e-mails are looked up by identity while the event is handled
                dev.opsbot.slack.inbound.UserDirectory.NONE,
                threads,
                clock);
        if (config.signingSecret() != null) {
            endpoint = new SlackHttpEndpoint(events, clock);
        }
        if (config.appToken() != null) {
            socketMode = new SlackSocketMode(events, config.appToken().value());
            socketMode.start();
            LOG.info("slack: connected over Socket Mode");
        }
    }

    /** {@code POST /slack/events}, when events come over HTTP. */
    public Optional<RouteModule> routes() {
        if (endpoint == null) {
            return Optional.empty();
        }
        SlackHttpEndpoint http = endpoint;
        return Optional.of(routes -> routes.post("/slack/events", ctx -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            ctx.headerMap().forEach((name, value) -> headers.put(name, List.of(value)));
            SlackHttpEndpoint.Response response = http.handle(ctx.body(), headers, ctx.queryString());
            response.headers().forEach((name, values) -> values.forEach(value -> ctx.header(name, value)));
            ctx.status(response.status()).result(response.body() == null ? "" : response.body());
        }));
    }

    /** One line for the start-up log. */
    public String description() {
        List<String> modes = new ArrayList<>();
        if (endpoint != null) {
            modes.add("HTTP events at /slack/events");
        }
        if (socketMode != null) {
            modes.add("Socket Mode");
        }
        return modes.isEmpty() ? "posting only (no signing secret, no app token)" : String.join(" and ", modes);
    }

    private static String first(List<String> reactions) {
        return reactions.getFirst();
    }

    @Override
    public void close() {
        if (socketMode != null) {
            socketMode.close();
        }
    }
}
