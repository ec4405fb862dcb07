package dev.opsbot.teams.inbound;

import static dev.opsbot.teams.testing.Activities.CHANNEL_ID;
import static dev.opsbot.teams.testing.Activities.SERVICE_URL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.testing.InMemoryChatAddresses;
import dev.opsbot.teams.inbound.TeamsEndpoint.Outcome;
import dev.opsbot.teams.testing.Activities;
import dev.opsbot.teams.testing.TestBotConnector;
import dev.opsbot.teams.testing.TestBotConnector.Flaw;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TeamsEndpointTest {
    private final TestBotConnector connector = new TestBotConnector();
    private final InMemoryChatAddresses addresses = new InMemoryChatAddresses();
    private final List<ChatEvent> submitted = new CopyOnWriteArrayList<>();
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final TeamsEndpoint endpoint = endpoint(submitted::add);

    @AfterEach
    void stop() {
        connector.close();
    }

    private TeamsEndpoint endpoint(Consumer<ChatEvent> sink) {
        return TeamsEndpoint.create(
                connector.settings(URI.create("http://127.0.0.1:9/token")),
                addresses,
                sink,
                Clock.systemUTC(),
                outcomes::add);
    }

    private TeamsEndpoint.Response send(Activities.Builder activity) {
        return endpoint.handle(activity.json(), TestBotConnector.headers(connector.token(SERVICE_URL)));
    }

    @Test
    void mentionIsAcknowledgedWithEmptyJsonAndReachesTheSinkExactlyOnce() {
        var response =
                send(Activities.message("1709285400000", "why is checkout 5xx?").mentioningBot());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(response.headers()).containsEntry("Content-Type", List.of("application/json"));
        assertThat(submitted).singleElement().isInstanceOfSatisfying(ChatEvent.Mention.class, m -> {
            assertThat(m.eventId()).isEqualTo(CHANNEL_ID + "/1709285400000");
            assertThat(m.text()).isEqualTo("why is checkout 5xx?");
        });
        assertThat(outcomes).containsExactly(Outcome.ACCEPTED);
    }

    @Test
    void addressesAreRememberedBeforeTheEventIsHandedOnSoAReplyFindsItsConversation() {
        List<Boolean> knownAtSubmit = new ArrayList<>();
        TeamsEndpoint checking = endpoint(e -> knownAtSubmit.add(
                addresses.find("teams", "conversation:" + CHANNEL_ID).isPresent()));

        checking.handle(
                Activities.message("1", "hi").mentioningBot().json(),
                TestBotConnector.headers(connector.token(SERVICE_URL)));

        assertThat(knownAtSubmit).containsExactly(true);
    }

    @Test
    void requestWithoutTokenIsRefusedBeforeTheBodyIsRead() {
        var response = endpoint.handle("this is not even JSON", Map.of());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("no_token");
        assertThat(outcomes).containsExactly(Outcome.UNAUTHORIZED);
    }

    @Test
    void invalidTokenIsRefusedAndNothingIsHandedOnOrRemembered() {
        for (Flaw flaw : List.of(Flaw.EXPIRED, Flaw.WRONG_AUDIENCE, Flaw.WRONG_ISSUER, Flaw.WRONG_KEY)) {
            var response = endpoint.handle(
                    Activities.message("1", "hi").mentioningBot().json(),
                    TestBotConnector.headers(connector.token(SERVICE_URL, flaw)));

            assertThat(response.status()).as(flaw.name()).isEqualTo(401);
        }

        assertThat(submitted).isEmpty();
        assertThat(addresses.find("teams", "conversation:" + CHANNEL_ID)).isEmpty();
    }

    @Test
    void tokenForAnotherServiceUrlCannotRedirectOpsbotsReplies() {
        var response = endpoint.handle(
                Activities.message("1", "hi")
                        .mentioningBot()
                        .serviceUrl("https://attacker.example/")
                        .json(),
                TestBotConnector.headers(connector.token(SERVICE_URL)));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("service_url");
        assertThat(submitted).isEmpty();
        assertThat(addresses.find("teams", "conversation:" + CHANNEL_ID)).isEmpty();
    }

    @Test
    void malformedBodyFromTheConnectorIs400WithAClearMessage() {
        var headers = TestBotConnector.headers(connector.token(SERVICE_URL));

        var notJson = endpoint.handle("{\"type\":\"message\", broken", headers);
        var array = endpoint.handle("[1,2,3]", headers);
        var empty = endpoint.handle("", headers);

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body()).contains("not JSON");
        assertThat(array.status()).isEqualTo(400);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("empty body");
        assertThat(submitted).isEmpty();
    }

    @Test
    void malformedBodyIsUnauthorisedWithoutAToken() {
        assertThat(endpoint.handle("{broken", Map.of("Authorization", List.of("Bearer x.y.z")))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void activityWithoutConversationSenderOrIdIs400NamingWhatIsMissing() {
        var headers = TestBotConnector.headers(connector.token(SERVICE_URL));

        var noConversation = endpoint.handle(
                Activities.message("1", "hi").without("conversation").json(), headers);
        var noFrom =
                endpoint.handle(Activities.message("1", "hi").without("from").json(), headers);
        var noId = endpoint.handle(Activities.message("1", "hi").without("id").json(), headers);

        assertThat(noConversation.status()).isEqualTo(400);
        assertThat(noConversation.body()).contains("conversation.id");
        assertThat(noFrom.body()).contains("from.id");
        assertThat(noId.body()).contains("no id");
        assertThat(submitted).isEmpty();
        assertThat(outcomes).containsOnly(Outcome.MALFORMED);
    }

    @Test
    void activityOfTheWrongShapeIs400() {
        Activities.Builder odd = Activities.message("1", "hi").mentioningBot();
        odd.tree().putArray("conversation").add(1).add(2);

        var response = send(odd);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("not a Bot Framework activity");
    }

    @Test
    void bodyOverTheLimitIs413BeforeAnythingElse() {
        String huge = Activities.message("1", "x".repeat(TeamsEndpoint.MAX_BODY_BYTES))
                .json();

        var response = endpoint.handle(huge, Map.of());

        assertThat(response.status()).isEqualTo(413);
        assertThat(outcomes).containsExactly(Outcome.TOO_LARGE);
        assertThat(connector.metadataRequests()).isZero();
    }

    @Test
    void multiByteBodyIsMeasuredInBytes() {
        String text = "é".repeat(TeamsEndpoint.MAX_BODY_BYTES / 2 - 100); // under the limit in chars, over in bytes

        assertThat(endpoint.handle(Activities.message("1", text).json(), Map.of())
                        .status())
                .isEqualTo(413);
    }

    @Test
    void eventTheSinkCannotRecordIs503SoTheConnectorSendsItAgain() {
        TeamsEndpoint failing = endpoint(e -> {
            throw new IllegalStateException("database down");
        });

        var response = failing.handle(
                Activities.message("1", "hi").mentioningBot().json(),
                TestBotConnector.headers(connector.token(SERVICE_URL)));

        assertThat(response.status()).isEqualTo(503);
        assertThat(outcomes).containsExactly(Outcome.UNAVAILABLE);
    }

    @Test
    void retriedActivityReachesTheSinkAgainWithTheSameEventIdForTheDispatcherToDedupe() {
        Activities.Builder mention = Activities.message("1", "hi").mentioningBot();

        send(mention);
        send(mention);

        assertThat(submitted).hasSize(2);
        assertThat(submitted.get(0)).isEqualTo(submitted.get(1));
    }

    @Test
    void ignoredActivityIs200AndItsConversationIsStillRemembered() {
        var response = send(Activities.of("conversationUpdate", "f:1"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(submitted).isEmpty();
        assertThat(outcomes).containsExactly(Outcome.IGNORED);
        assertThat(addresses.find("teams", "conversation:" + CHANNEL_ID)).isPresent();
    }

    @Test
    void reactionWithTwoMappedTypesHandsOnTwoEvents() {
        send(Activities.reaction("f:2", "1709285760000")
                .added("like")
                .removed("like")
                .inThread("1709285400000"));

        assertThat(submitted)
                .extracting(ChatEvent::eventId)
                .containsExactly(CHANNEL_ID + "/f:2/+like", CHANNEL_ID + "/f:2/-like");
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("authorization", List.of("Bearer " + connector.token(SERVICE_URL)));

        assertThat(endpoint.handle(Activities.message("1", "hi").mentioningBot().json(), headers)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aFailingListenerDoesNotFailTheRequest() {
        TeamsEndpoint noisy = TeamsEndpoint.create(
                connector.settings(URI.create("http://127.0.0.1:9/token")),
                addresses,
                submitted::add,
                Clock.systemUTC(),
                outcome -> {
                    throw new IllegalStateException("metrics broken");
                });

        assertThat(noisy.handle("{}", Map.of()).status()).isEqualTo(401);
    }

    /**
     * The ack path (verify, parse, remember, translate, hand to a quick sink) needs no network per request: one key
     * fetch for 500 activities. How fast it is, is the load driver's figure (bench TeamsLoad), not a timed test's.
     */
    @Test
    void fiveHundredActivitiesAreAcknowledgedWithOneKeyFetchInAll() {
        int n = 500;
        for (int i = 0; i < n; i++) {
            String body = Activities.message("17092854" + i, "load " + i)
                    .mentioningBot()
                    .json();
            assertThat(endpoint.handle(body, TestBotConnector.headers(connector.token(SERVICE_URL)))
                            .status())
                    .isEqualTo(200);
        }

        assertThat(submitted).hasSize(n);
        assertThat(connector.keyRequests()).isEqualTo(1);
    }
}
