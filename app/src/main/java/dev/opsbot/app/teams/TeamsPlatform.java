package dev.opsbot.app.teams;

import dev.opsbot.app.config.TeamsConfig;
import dev.opsbot.app.server.RouteModule;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatPort;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.store.ChatAddresses;
import dev.opsbot.teams.TeamsSettings;
import dev.opsbot.teams.inbound.TeamsEndpoint;
import dev.opsbot.teams.outbound.AdaptiveCardRenderer;
import dev.opsbot.teams.outbound.BotConnector;
import dev.opsbot.teams.outbound.ConnectorTokens;
import dev.opsbot.teams.outbound.TeamsAddresses;
import dev.opsbot.teams.outbound.TeamsChatPort;
import dev.opsbot.teams.outbound.TeamsRoster;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Microsoft Teams wired from {@code teams:}: the Bot Connector port opsbot speaks through, the roster identity asks
 * for e-mails, and the activities it hears at {@code POST /api/messages}, every one with its JWT checked.
 */
public final class TeamsPlatform {
    private final TeamsSettings settings;
    private final ChatAddresses addresses;
    private final Clock clock;
    private final TeamsChatPort port;
    private final TeamsRoster roster;
    private TeamsEndpoint endpoint;

    private TeamsPlatform(TeamsSettings settings, ChatAddresses addresses, Clock clock) {
        this.settings = settings;
        this.addresses = addresses;
        this.clock = clock;
        BotConnector connector = new BotConnector(new ConnectorTokens(settings));
        TeamsAddresses teamsAddresses = new TeamsAddresses(addresses, clock);
        this.port = new TeamsChatPort(connector, new AdaptiveCardRenderer(), teamsAddresses, settings);
        this.roster = new TeamsRoster(connector, teamsAddresses);
    }

    /** Teams, when {@code teams.appId} is set. */
    public static Optional<TeamsPlatform> create(TeamsConfig config, ChatAddresses addresses, Clock clock) {
        return config.configured()
                ? Optional.of(new TeamsPlatform(config.settings(), addresses, clock))
                : Optional.empty();
    }

    public ChatPort port() {
        return port;
    }

    /** Who a Teams user is (the roster: e-mail or UPN), asked while an event is handled, never before the ack. */
    public Optional<ChatUser> user(String userId) {
        return roster.user(userId);
    }

    /** Starts hearing activities: each becomes a {@link ChatEvent} for {@code sink}, recorded before the ack. */
    public void listen(Consumer<ChatEvent> sink, MeterRegistry metrics) {
        endpoint = TeamsEndpoint.create(
                settings, addresses, sink, clock, outcome -> Counter.builder("opsbot.teams.activities")
                        .description("activities at /api/messages, by outcome")
                        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(metrics)
                        .increment());
    }

    /** {@code POST /api/messages}. */
    public RouteModule routes() {
        TeamsEndpoint http = endpoint;
        if (http == null) {
            throw new IllegalStateException("listen first: the route hands activities to the dispatcher");
        }
        return routes -> routes.post("/api/messages", ctx -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            ctx.headerMap().forEach((name, value) -> headers.put(name, List.of(value)));
            TeamsEndpoint.Response response = http.handle(ctx.body(), headers);
            response.headers().forEach((name, values) -> values.forEach(value -> ctx.header(name, value)));
            ctx.status(response.status())
                    .contentType("application/json")
                    .result(response.body() == null ? "" : response.body());
        });
    }

    /** One line for the start-up log. */
    public String description() {
        return "activities at /api/messages for app " + settings.appId()
                + (settings.tenantId() == null ? " (multi-tenant)" : " (tenant " + settings.tenantId() + ")");
    }
}
