package dev.opsbot.teams.outbound;

import static dev.opsbot.teams.outbound.TeamsConnectorFixture.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.teams.TeamsSettings;
import dev.opsbot.teams.testing.FakeConnector;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who a Teams user is, from the conversation roster, cached; and what it remembers for direct messages. */
class TeamsRosterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TeamsConnectorFixture fixture = new TeamsConnectorFixture();
    private final TeamsRoster roster = roster(TeamsRoster.DEFAULT_CAPACITY);

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aUserIsTheirRosterEntryAndTheirEmailAddressIsRemembered() throws Exception {
        fixture.seeUser("29:alice", "alice (from the activity)");
        fixture.teams.person("29:alice", "Alice Chen", "alice@example.com", "aad-alice");

        Optional<ChatUser> alice = roster.user("29:alice");

        assertThat(alice).contains(new ChatUser("29:alice", "Alice Chen", "alice@example.com"));
        var request = fixture.connectorCalls().getFirst();
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo("/v3/conversations/" + CHANNEL + "/members/29:alice");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer fake-connector-token-1");
        JsonNode remembered = JSON.readTree(fixture.store
                .find(TeamsSettings.PLATFORM, "email:alice@example.com")
                .orElseThrow());
        assertThat(remembered.path("userId").asText()).isEqualTo("29:alice");
        assertThat(remembered.path("aadObjectId").asText()).isEqualTo("aad-alice");
        assertThat(remembered.path("serviceUrl").asText()).isEqualTo(fixture.teams.serviceUrl());
    }

    @Test
    void onceTheRosterKnowsSomeonesEmailOpsbotCanWriteToThemDirectly() {
        fixture.seeUser("29:alice", "Alice");
        fixture.teams.person("29:alice", "Alice Chen", "Alice@Example.com", "aad-alice");
        roster.user("29:alice");

        MessageRef posted = fixture.chatPort().postDirect("alice@example.com", Reply.text("handoff"));

        assertThat(posted.thread().channel()).isEqualTo("a:29:alice");
        assertThat(fixture.teams.messages("a:29:alice")).hasSize(1);
    }

    @Test
    void theUserPrincipalNameStandsInWhenTheEmailIsEmpty() {
        fixture.seeUser("29:guest", "Guest");
        fixture.teams.person(
                new FakeConnector.Person("29:guest", "Guest User", null, "guest@partner.example", "aad-guest"));

        assertThat(roster.user("29:guest")).contains(new ChatUser("29:guest", "Guest User", "guest@partner.example"));
    }

    @Test
    void aReplyChainInTheStoredConversationIsAskedAboutAtItsChannel() {
        fixture.store.remember(
                TeamsSettings.PLATFORM,
                "user:29:alice",
                "{\"serviceUrl\":\"" + fixture.teams.serviceUrl() + "\",\"conversationId\":\"" + CHANNEL
                        + ";messageid=17\",\"userId\":\"29:alice\"}",
                fixture.clock.instant());
        fixture.teams.person("29:alice", "Alice Chen", "alice@example.com", "aad-alice");

        assertThat(roster.user("29:alice")).isPresent();
        assertThat(fixture.connectorCalls().getFirst().getUrl())
                .isEqualTo("/v3/conversations/" + CHANNEL + "/members/29:alice");
    }

    @Test
    void answersAreCachedForTheirTimeToLive() {
        fixture.seeUser("29:alice", "Alice");
        fixture.teams.person("29:alice", "Alice Chen", "alice@example.com", "aad-alice");

        roster.user("29:alice");
        fixture.clock.advance(Duration.ofMinutes(59));
        roster.user("29:alice");
        assertThat(fixture.connectorCalls()).hasSize(1);

        fixture.clock.advance(Duration.ofMinutes(1));
        roster.user("29:alice");
        assertThat(fixture.connectorCalls()).hasSize(2);
    }

    @Test
    void theCacheKeepsAtMostItsCapacityDroppingTheLeastRecentlyAsked() {
        TeamsRoster small = roster(1);
        fixture.seeUser("29:alice", "Alice");
        fixture.seeUser("29:bob", "Bob");
        fixture.teams.person("29:alice", "Alice Chen", "alice@example.com", "aad-alice");
        fixture.teams.person("29:bob", "Bob Li", "bob@example.com", "aad-bob");

        small.user("29:alice");
        small.user("29:bob");
        small.user("29:alice");

        assertThat(fixture.connectorCalls()).hasSize(3);
    }

    @Test
    void someoneOpsbotHasNotSeenIsEmptyWithoutAsking() {
        assertThat(roster.user("29:stranger")).isEmpty();
        assertThat(roster.user(" ")).isEmpty();
        assertThat(fixture.connectorCalls()).isEmpty();
    }

    @Test
    void aMemberTheRosterDoesNotKnowIsEmpty() {
        fixture.seeUser("29:left", "Left the team");

        assertThat(roster.user("29:left")).isEmpty();
    }

    @Test
    void aFailingRosterIsEmptyAndNotCachedSoTheNextActivityAsksAgain() {
        fixture.seeUser("29:alice", "Alice");
        fixture.teams.person("29:alice", "Alice Chen", "alice@example.com", "aad-alice");
        fixture.teams.failNext(500, 3);

        assertThat(roster.user("29:alice")).isEmpty();
        assertThat(roster.user("29:alice")).contains(new ChatUser("29:alice", "Alice Chen", "alice@example.com"));
    }

    private TeamsRoster roster(int capacity) {
        return new TeamsRoster(fixture.connector, fixture.addresses, fixture.clock, TeamsRoster.DEFAULT_TTL, capacity);
    }
}
