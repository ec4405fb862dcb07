package dev.opsbot.app.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slack through opsbot's own server: a signed {@code app_mention} at {@code POST /slack/events} is acknowledged, the
 * asker is resolved through {@code users.info} and identity, and the answer and the proposal are posted in the
 * thread; a request with a bad signature is refused with 401 and nothing is posted.
 */
class SlackEventsIT {
    private static FakeSlack slack;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
    }

    @AfterAll
    static void stop() {
        slack.close();
    }

    @Test
    void aSignedMentionIsAnsweredInItsThreadAsTheAsker() {
        HttpResponse<String> acked = slack.event("{\"type\":\"app_mention\",\"user\":\"UALICE\",\"text\":\"<@UBOT>"
                + " why is checkout 5xx?\",\"ts\":\"1700000000.000100\",\"channel\":\"CINC\","
                + "\"event_ts\":\"1700000000.000100\"}");

        assertThat(acked.statusCode()).isEqualTo(200);
        List<Map<String, String>> posts =
                Eventually.get(Duration.ofSeconds(30), SlackEventsIT::posted, all -> all.stream()
                        .anyMatch(p -> p.getOrDefault("blocks", "").contains("\"action_id\":\"approve\"")));
        assertThat(posts).allSatisfy(p -> {
            assertThat(p.get("channel")).isEqualTo("CINC");
            assertThat(p.get("thread_ts")).isEqualTo("1700000000.000100");
        });
        assertThat(posts).anySatisfy(p -> assertThat(p.get("text"))
                .contains("oom")
                .contains("rollback Deployment shop/checkout to revision 41"));
    }

    @Test
    void aRequestWithABadSignatureIsRefusedAndNothingIsPosted() throws InterruptedException {
        String body = "{\"type\":\"event_callback\",\"event_id\":\"Ev-forged\",\"event\":{\"type\":\"app_mention\","
                + "\"user\":\"UALICE\",\"text\":\"<@UBOT> why is payments 5xx?\",\"ts\":\"1700000001.000100\","
                + "\"channel\":\"CINC\"}}";

        HttpResponse<String> refused = slack.send(
                body, "v0=" + "0".repeat(64), String.valueOf(Instant.now().getEpochSecond()));

        assertThat(refused.statusCode()).isEqualTo(401);
        Thread.sleep(500);
        assertThat(posted()).noneSatisfy(p -> assertThat(p.get("thread_ts")).isEqualTo("1700000001.000100"));
    }

    private static List<Map<String, String>> posted() {
        return slack.api.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).stream()
                .map(request -> FakeSlack.form(request.getBodyAsString()))
                .toList();
    }
}
