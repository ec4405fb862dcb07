package dev.opsbot.slack.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.slack.outbound.SlackApiStub.ok;
import static dev.opsbot.slack.outbound.SlackApiStub.requests;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** users.info feeds identity mapping: name and email, cached, and never an exception into event handling. */
class SlackUsersTest {
    private final WireMockServer wireMock = new WireMockServer(wireMockConfig().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T03:00:00Z"));
    private SlackUsers users;

    @BeforeEach
    void start() {
        wireMock.start();
        users = new SlackUsers(SlackApiStub.api(wireMock), clock, Duration.ofMinutes(15), 100);
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    private void user(String id, ResponseDefinitionBuilder response) {
        wireMock.stubFor(post(urlPathEqualTo("/api/users.info"))
                .withRequestBody(containing("user=" + id))
                .willReturn(response));
    }

    private static ResponseDefinitionBuilder found(String id, String userFields, String profile) {
        return ok("{\"ok\":true,\"user\":{\"id\":\"" + id + "\"" + userFields + ",\"profile\":{" + profile + "}}}");
    }

    @Test
    void aPersonIsTheirRealNameAndProfileEmail() {
        user(
                "U0ALICE",
                found(
                        "U0ALICE",
                        ",\"name\":\"alice\",\"real_name\":\"Alice Chen\"",
                        "\"email\":\"alice@example.com\""));

        assertThat(users.user("U0ALICE")).contains(new ChatUser("U0ALICE", "Alice Chen", "alice@example.com"));
    }

    @Test
    void withoutARealNameTheHandleIsUsed() {
        user("U0BOB", found("U0BOB", ",\"name\":\"bob\"", "\"email\":\"bob@example.com\""));

        assertThat(users.user("U0BOB")).contains(new ChatUser("U0BOB", "bob", "bob@example.com"));
    }

    @Test
    void withoutTheEmailScopeThePersonHasNoEmail() {
        user("U0CAROL", found("U0CAROL", ",\"name\":\"carol\",\"real_name\":\"Carol\"", "\"real_name\":\"Carol\""));

        assertThat(users.user("U0CAROL")).contains(new ChatUser("U0CAROL", "Carol", null));
    }

    @Test
    void aPersonIsAskedForOnceWithinTheTtlAndAgainAfterIt() {
        user("U0ALICE", found("U0ALICE", ",\"name\":\"alice\"", "\"email\":\"alice@example.com\""));

        users.user("U0ALICE");
        clock.advance(Duration.ofMinutes(14));
        users.user("U0ALICE");
        assertThat(requests(wireMock, "users.info")).hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        users.user("U0ALICE");
        assertThat(requests(wireMock, "users.info")).hasSize(2);
    }

    @Test
    void theCacheHoldsAtMostItsCapacityEvictingTheLeastRecentlyAsked() {
        users = new SlackUsers(SlackApiStub.api(wireMock), clock, Duration.ofMinutes(15), 1);
        user("U0ALICE", found("U0ALICE", ",\"name\":\"alice\"", ""));
        user("U0BOB", found("U0BOB", ",\"name\":\"bob\"", ""));

        users.user("U0ALICE");
        users.user("U0BOB");
        users.user("U0ALICE");

        assertThat(requests(wireMock, "users.info")).hasSize(3);
    }

    @Test
    void whenSlackRefusesThePersonIsOnlyTheirIdAndIsAskedForAgainNextTime() {
        user("U0GONE", ok("{\"ok\":false,\"error\":\"user_not_found\"}"));

        assertThat(users.user("U0GONE")).contains(ChatUser.of("U0GONE"));
        assertThat(users.user("U0GONE")).contains(ChatUser.of("U0GONE"));
        assertThat(requests(wireMock, "users.info")).hasSize(2);
    }

    @Test
    void whenSlackIsDownThePersonIsOnlyTheirId() {
        user("U0ALICE", aResponse().withStatus(500));

        assertThat(users.user("U0ALICE")).contains(ChatUser.of("U0ALICE"));
    }

    @Test
    void aBlankIdIsNobody() {
        assertThat(users.user(" ")).isEmpty();
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }
}
