package dev.opsbot.app.console;

import static dev.opsbot.app.testing.HttpJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.testing.HttpJson;
import dev.opsbot.app.testing.TestApps;
import dev.opsbot.app.triage.ScenarioTriage;
import dev.opsbot.core.testing.contract.ConversationContract;
import dev.opsbot.scenario.Scenarios;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared conversation, through the web console's HTTP API (its buttons post the same reactions). */
class ConsoleConversationContractIT extends ConversationContract {
    private static OpsbotApplication app;
    private static HttpJson http;

    @BeforeAll
    static void start() {
        OpsbotConfig config = TestApps.inMemory().withConsoleChannelFirst("inc-checkout");
        app = OpsbotApplication.start(config, Clock.systemUTC(), (OpsbotApplication.TriageStarter) guard ->
                ScenarioTriage.start(Scenarios.bundled(), config.triage(), Clock.systemUTC(), guard, "production"));
        http = new HttpJson(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Override
    protected Platform platform() {
        return new Platform() {
            @Override
            public String ask(String user, String text) {
                HttpJson.Response posted = http.post(
                        "/api/console/messages", json(Map.of("channel", "inc-checkout", "user", user, "text", text)));
                assertThat(posted.status()).as(posted.body()).isEqualTo(202);
                return posted.json().get("thread").asText();
            }

            @Override
            public void react(String thread, String messageId, String user, String reaction) {
                HttpJson.Response reacted = http.post(
                        "/api/console/reactions",
                        json(Map.of("message", messageId, "user", user, "reaction", reaction)));
                assertThat(reacted.status()).as(reacted.body()).isEqualTo(202);
            }

            @Override
            public List<Said> said(String thread) {
                List<Said> said = new ArrayList<>();
                for (JsonNode message :
                        http.get("/api/console/threads/" + thread).json().get("messages")) {
                    if (!"opsbot".equals(message.get("user").asText())) {
                        continue;
                    }
                    String proposal = null;
                    StringBuilder text = new StringBuilder(message.get("text").asText());
                    for (JsonNode block : message.path("blocks")) {
                        text.append('\n').append(block.toString());
                        if ("proposal".equals(block.path("type").asText())) {
                            proposal = block.path("proposalId").asText();
                        }
                    }
                    said.add(new Said(
                            message.get("id").asText(),
                            text.toString(),
                            message.path("attachments").size() > 0,
                            proposal));
                }
                return said;
            }
        };
    }
}
