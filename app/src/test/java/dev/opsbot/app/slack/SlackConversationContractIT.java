package dev.opsbot.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.opsbot.core.testing.contract.ConversationContract;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared conversation on Slack: questions and reactions arrive as signed events at {@code POST /slack/events};
 * what opsbot says is read from the Web API calls it made to WireMock ({@code chat.postMessage}, {@code chat.update},
 * {@code files.completeUploadExternal}).
 */
class SlackConversationContractIT extends ConversationContract {
    private static final Map<String, String> SLACK_IDS = Map.of("alice", "UALICE", "bob", "UBOB", "mallory", "UMAL");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private static FakeSlack slack;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
    }

    @AfterAll
    static void stop() {
        slack.close();
    }

    @Override
    protected Platform platform() {
        return new Platform() {
            @Override
            public String ask(String user, String text) {
                String ts = nextTs();
                accepted(slack.event("{\"type\":\"app_mention\",\"user\":\"" + SLACK_IDS.get(user)
                        + "\",\"text\":\"<@UBOT> " + text.replace("@opsbot ", "") + "\",\"ts\":\"" + ts
                        + "\",\"channel\":\"" + FakeSlack.CHANNEL + "\",\"event_ts\":\"" + ts + "\"}"));
                return ts;
            }

            @Override
            public void react(String thread, String messageId, String user, String reaction) {
                accepted(slack.event("{\"type\":\"reaction_added\",\"user\":\"" + SLACK_IDS.get(user)
                        + "\",\"reaction\":\"" + reaction + "\",\"item\":{\"type\":\"message\",\"channel\":\""
                        + FakeSlack.CHANNEL + "\",\"ts\":\"" + messageId + "\"},\"item_user\":\"UBOT\","
                        + "\"event_ts\":\"" + nextTs() + "\"}"));
            }

            @Override
            public List<Said> said(String thread) {
                return SlackConversationContractIT.said(thread);
            }
        };
    }

    private static void accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String nextTs() {
        long micros = clock.addAndGet(1_000);
        return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
    }

    /** What opsbot posted in {@code thread}, each message with its latest update, oldest first. */
    private static List<Said> said(String thread) {
        List<ServeEvent> calls = new ArrayList<>(slack.api.getAllServeEvents());
        calls.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        Map<String, String[]> messages = new LinkedHashMap<>(); // ts -> {text, proposalId}
        boolean image = false;
        for (ServeEvent call : calls) {
            String path = call.getRequest().getUrl();
            if (!path.startsWith("/api/")) {
                continue; // the file upload itself: bytes, not a form
            }
            Map<String, String> form = FakeSlack.form(call.getRequest().getBodyAsString());
            if (path.startsWith("/api/chat.postMessage") && thread.equals(form.get("thread_ts"))) {
                String ts = ts(call.getResponse().getBodyAsString());
                messages.put(ts, new String[] {readable(form), proposal(form.get("blocks"))});
            } else if (path.startsWith("/api/chat.update") && messages.containsKey(form.get("ts"))) {
                messages.put(form.get("ts"), new String[] {readable(form), messages.get(form.get("ts"))[1]});
            } else if (path.startsWith("/api/files.completeUploadExternal") && thread.equals(form.get("thread_ts"))) {
                image = true;
            }
        }
        List<Said> said = new ArrayList<>();
        for (Map.Entry<String, String[]> message : messages.entrySet()) {
            said.add(new Said(message.getKey(), message.getValue()[0], image, message.getValue()[1]));
        }
        return said;
    }

    private static String readable(Map<String, String> form) {
        return form.getOrDefault("text", "") + "\n" + form.getOrDefault("blocks", "");
    }

    private static String proposal(String blocks) {
        if (blocks == null || !blocks.contains("\"action_id\":\"approve\"")) {
            return null;
        }
        try {
            for (JsonNode block : JSON.readTree(blocks)) {
                for (JsonNode element : block.path("elements")) {
                    if ("approve".equals(element.path("action_id").asText())) {
                        return element.path("value").asText();
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError("blocks are not JSON: " + blocks, e);
        }
        return null;
    }

    private static String ts(String response) {
        try {
            return JSON.readTree(response).path("ts").asText();
        } catch (Exception e) {
            throw new AssertionError("not a Slack response: " + response, e);
        }
    }
}
