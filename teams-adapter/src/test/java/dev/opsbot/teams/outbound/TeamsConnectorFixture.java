package dev.opsbot.teams.outbound;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.core.testing.InMemoryChatAddresses;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.teams.TeamsSettings;
import dev.opsbot.teams.testing.FakeConnector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The outbound side wired against a {@link FakeConnector}: addresses as inbound writes them (raw JSON, null fields
 * included), a connector that waits at most {@link #MAX_RETRY_WAIT} between retries.
 */
final class TeamsConnectorFixture implements AutoCloseable {
    static final String CHANNEL = "19:incident@thread.tacv2";
    static final String TENANT = "tenant-1";
    static final String BOT = "28:bot-in-channel";
    static final Duration MAX_RETRY_WAIT = Duration.ofMillis(1_500);

    final FakeConnector teams = new FakeConnector();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T02:40:00Z"));
    final InMemoryChatAddresses store = new InMemoryChatAddresses();
    final TeamsAddresses addresses = new TeamsAddresses(store, clock);
    final TeamsSettings settings = teams.settings(URI.create("http://localhost:1/openid"));
    final ConnectorTokens tokens = new ConnectorTokens(settings, HttpClient.newHttpClient(), Clock.systemUTC());
    final BotConnector connector =
            new BotConnector(tokens, HttpClient.newHttpClient(), Duration.ofSeconds(5), MAX_RETRY_WAIT);

    TeamsChatPort chatPort() {
        return new TeamsChatPort(connector, new AdaptiveCardRenderer(), addresses, settings);
    }

    /** The incident channel, as inbound writes it on the first mention there. */
    void seeChannel() {
        store.remember(
                TeamsSettings.PLATFORM,
                "conversation:" + CHANNEL,
                "{\"serviceUrl\":\"" + teams.serviceUrl() + "\",\"conversationId\":\"" + CHANNEL + "\",\"tenantId\":\""
                        + TENANT + "\",\"botId\":\"" + BOT + "\",\"conversationType\":\"channel\","
                        + "\"teamsChannelId\":\"" + CHANNEL + "\"}",
                clock.instant());
    }

    /** A person as inbound writes them when they post in the incident channel. */
    void seeUser(String userId, String name) {
        store.remember(
                TeamsSettings.PLATFORM,
                "user:" + userId,
                "{\"serviceUrl\":\"" + teams.serviceUrl() + "\",\"conversationId\":\"" + CHANNEL + "\",\"tenantId\":\""
                        + TENANT + "\",\"userId\":\"" + userId + "\",\"aadObjectId\":null,\"name\":\"" + name
                        + "\"}",
                clock.instant());
    }

    /** Requests to the Bot Connector (not the token endpoint), oldest first. */
    List<LoggedRequest> connectorCalls() {
        return teams.wireMock().getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getUrl().startsWith("/v3/"))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    @Override
    public void close() {
        teams.close();
    }
}
