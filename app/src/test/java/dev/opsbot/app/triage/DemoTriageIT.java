package dev.opsbot.app.triage;

import static dev.opsbot.app.testing.HttpJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.testing.Eventually;
import dev.opsbot.app.testing.HttpJson;
import dev.opsbot.app.testing.TestApps;
import dev.opsbot.scenario.Scenarios;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's promise end to end: the bundled scenario served through the production clients, a question in the web
 * console, a progress line while sources answer, and the answer with evidence, a chart and a rollback proposal.
 */
class DemoTriageIT {
    private static OpsbotApplication app;
    private static HttpJson http;
    private static final java.util.concurrent.atomic.AtomicReference<ScenarioTriage> scenario =
            new java.util.concurrent.atomic.AtomicReference<>();

    @BeforeAll
    static void start() {
        OpsbotConfig config = TestApps.inMemory().withConsoleChannelFirst("inc-checkout");
        app = OpsbotApplication.start(config, Clock.systemUTC(), () -> {
            ScenarioTriage started = ScenarioTriage.start(Scenarios.bundled(), config.triage(), Clock.systemUTC());
            scenario.set(started);
            return started;
        });
        http = new HttpJson(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Posts as {@code user} and returns the thread's messages once opsbot has said {@code replies} things. */
    private static JsonNode converse(String user, String text, int replies) {
        HttpJson.Response posted =
                http.post("/api/console/messages", json(Map.of("channel", "inc-checkout", "user", user, "text", text)));
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        String thread = posted.json().get("thread").asText();
        return Eventually.get(
                        Duration.ofSeconds(30),
                        () -> http.get("/api/console/threads/" + thread),
                        r -> r.status() == 200 && r.json().get("messages").size() >= 1 + replies)
                .json()
                .get("messages");
    }

    private static JsonNode ask(String text) {
        HttpJson.Response posted = http.post(
                "/api/console/messages", json(Map.of("channel", "inc-checkout", "user", "alice", "text", text)));
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        String thread = posted.json().get("thread").asText();
        return Eventually.get(
                        Duration.ofSeconds(30),
                        () -> http.get("/api/console/threads/" + thread),
                        r -> r.status() == 200
                                && r.json().get("messages").size() >= 3
                                && r.json()
                                        .get("messages")
                                        .get(1)
                                        .get("text")
                                        .asText()
                                        .contains("Investigated"))
                .json()
                .get("messages");
    }

    @Test
    void theDemoQuestionIsAnsweredWithTheOomRollbackEvidenceAndAChart() {
        JsonNode messages = ask("@opsbot why is checkout 5xx?");

        JsonNode progress = messages.get(1);
        assertThat(progress.get("text").asText()).contains("Investigated").contains("checkout");
        JsonNode answer = messages.get(2);
        assertThat(answer.get("user").asText()).isEqualTo("opsbot");
        assertThat(answer.get("text").asText())
                .contains("oom")
                .contains("512Mi -> 128Mi")
                .contains("rollback Deployment shop/checkout to revision 41");
        JsonNode blocks = answer.get("blocks");
        assertThat(types(blocks)).contains("heading", "paragraph", "fields", "evidence", "context");
        assertThat(answer.get("text").asText()).contains("Proposed: rollback Deployment shop/checkout to revision 41");
        assertThat(block(blocks, "evidence").get("items").size()).isGreaterThanOrEqualTo(2);
        JsonNode attachments = answer.get("attachments");
        assertThat(attachments.size()).isEqualTo(1);
        assertThat(attachments.get(0).get("type").asText()).isEqualTo("image/png");
        HttpJson.Response chart = http.get(attachments.get(0).get("url").asText());
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.body()).startsWith("\uFFFDPNG");
        assertThat(http.get("/metrics").body())
                .contains("opsbot_triage_answered_seconds_count{cause=\"oom\"")
                .contains("opsbot_triage_source_seconds_count{source=\"kubernetes\",status=\"ok\"");
    }

    @Test
    void theInvestigationImpersonatesTheAskingPersonWithTheirMappedGroups() {
        ask("@opsbot why is checkout restarting?");

        assertThat(scenario.get().impersonated())
                .as("every Kubernetes request went out as alice, in her mapped group")
                .containsEntry("alice@example.com", java.util.List.of("shop-oncall"));
        assertThat(scenario.get().impersonated().keySet()).doesNotContain("mallory@example.com");
    }

    @Test
    void someoneMappedToNoOneIsToldWhomToAskAndNothingIsRead() {
        JsonNode messages = converse("mallory", "@opsbot why is checkout 5xx?", 1);

        assertThat(messages.get(1).get("text").asText())
                .isEqualTo(":no_entry: I can't investigate as you: mallory@example.com is not mapped to any cloud"
                        + " identity: opsbot's configuration (identity.people) has no user with this e-mail. Ask"
                        + " #platform-access to add"
                        + " mallory@example.com to one of the groups opsbot maps: shop-oncall, sre-leads.");
        assertThat(scenario.get().impersonated()).doesNotContainKey("mallory@example.com");
        assertThat(http.get("/metrics").body())
                .contains("opsbot_triage_unanswered_total{outcome=\"refused_not_in_directory\"}");
    }

    @Test
    void whoamiShowsBobHisRolesAndThatHeMayApprove() {
        JsonNode messages = converse("bob", "@opsbot whoami", 1);

        String answer = messages.get(1).get("text").asText();
        assertThat(answer)
                .startsWith("You are Bob Okafor (bob@example.com); in production: read: AWS role opsbot-read-sre")
                .contains("Kubernetes as bob@example.com in groups sre")
                .contains("approve others' changes: yes");
    }

    @Test
    void aServiceThatDoesNotExistIsNamedWithTheClosestNames() {
        HttpJson.Response posted = http.post(
                "/api/console/messages",
                json(Map.of("channel", "inc-checkout", "user", "bob", "text", "@opsbot why is chekout 5xx?")));
        String thread = posted.json().get("thread").asText();

        JsonNode messages = Eventually.get(
                        Duration.ofSeconds(30),
                        () -> http.get("/api/console/threads/" + thread),
                        r -> r.json().get("messages").size() >= 2
                                && !r.json()
                                        .get("messages")
                                        .get(1)
                                        .get("text")
                                        .asText()
                                        .contains("Investigating"))
                .json()
                .get("messages");

        assertThat(messages.get(1).get("text").asText())
                .contains("no service 'chekout' in namespace shop")
                .contains("did you mean checkout");
        assertThat(http.get("/metrics").body()).contains("opsbot_triage_unanswered_total{outcome=\"unknown_service\"}");
    }

    private static java.util.List<String> types(JsonNode blocks) {
        return StreamSupport.stream(blocks.spliterator(), false)
                .map(b -> b.get("type").asText())
                .toList();
    }

    private static JsonNode block(JsonNode blocks, String type) {
        return StreamSupport.stream(blocks.spliterator(), false)
                .filter(b -> b.get("type").asText().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " block in " + blocks));
    }
}
