package dev.opsbot.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A person in the web console of a running opsbot: posts, reacts, and waits for what opsbot says in a thread. */
public final class ConsoleThreads {
    private final HttpJson http;
    private final String channel;

    public ConsoleThreads(HttpJson http, String channel) {
        this.http = http;
        this.channel = channel;
    }

    /** Posts {@code text} as {@code user}; returns the thread it started. */
    public String post(String user, String text) {
        HttpJson.Response posted = http.post(
                "/api/console/messages", HttpJson.json(Map.of("channel", channel, "user", user, "text", text)));
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        return posted.json().get("thread").asText();
    }

    /** Posts {@code text} as {@code user} in {@code thread}. */
    public void reply(String thread, String user, String text) {
        HttpJson.Response posted = http.post(
                "/api/console/messages",
                HttpJson.json(Map.of("channel", channel, "user", user, "text", text, "thread", thread)));
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
    }

    public void react(String message, String user, String reaction) {
        HttpJson.Response reacted = http.post(
                "/api/console/reactions",
                HttpJson.json(Map.of("message", message, "user", user, "reaction", reaction)));
        assertThat(reacted.status()).as(reacted.body()).isEqualTo(202);
    }

    public List<JsonNode> messages(String thread) {
        List<JsonNode> all = new ArrayList<>();
        http.get("/api/console/threads/" + thread).json().get("messages").forEach(all::add);
        return all;
    }

    /** Waits up to a minute for a message in the thread matching {@code wanted}; returns it. */
    public JsonNode await(String thread, Predicate<JsonNode> wanted, String what) {
        List<JsonNode> found = new ArrayList<>();
        Eventually.get(Duration.ofSeconds(60), () -> http.get("/api/console/threads/" + thread), r -> {
            if (r.status() != 200) {
                return false;
            }
            for (JsonNode message : r.json().get("messages")) {
                if (wanted.test(message)) {
                    found.add(message);
                    return true;
                }
            }
            return false;
        });
        assertThat(found).as(what + " in " + messages(thread)).isNotEmpty();
        return found.getFirst();
    }

    public static Predicate<JsonNode> text(String part) {
        return message -> message.get("text").asText().contains(part);
    }
}
