package dev.opsbot.slack.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wiremock.org.yaml.snakeyaml.Yaml;

/** The manifest an admin pastes asks for every scope and event opsbot uses. */
class SlackAppManifestTest {

    @Test
    @SuppressWarnings("unchecked")
    void theManifestGrantsEveryScopeAndEventOpsbotNeedsWithHttpDeliveryByDefault() throws IOException {
        Map<String, Object> manifest = manifest();

        assertThat(list(manifest, "oauth_config", "scopes", "bot"))
                .contains(
                        "app_mentions:read",
                        "channels:history",
                        "groups:history",
                        "chat:write",
                        "reactions:read",
                        "reactions:write",
                        "files:write",
                        "users:read",
                        "users:read.email",
                        "im:write",
                        "commands");
        assertThat(list(manifest, "settings", "event_subscriptions", "bot_events"))
                .contains("app_mention", "message.channels", "message.groups", "reaction_added", "reaction_removed");
        assertThat(map(manifest, "settings", "event_subscriptions").get("request_url"))
                .isEqualTo("https://YOUR-HOST/slack/events");
        assertThat(map(manifest, "settings", "interactivity"))
                .containsEntry("is_enabled", true)
                .containsEntry("request_url", "https://YOUR-HOST/slack/events");
        assertThat(map(manifest, "settings")).containsEntry("socket_mode_enabled", false);
        assertThat(list(manifest, "features", "slash_commands")).singleElement().satisfies(command -> assertThat(
                        (Map<String, Object>) command)
                .containsEntry("command", "/opsbot")
                .containsEntry("url", "https://YOUR-HOST/slack/events"));
    }

    private static Map<String, Object> manifest() throws IOException {
        try (InputStream in = SlackAppManifestTest.class.getResourceAsStream("/slack-app-manifest.yaml")) {
            assertThat(in).as("slack-app-manifest.yaml on the classpath").isNotNull();
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> root, String... path) {
        Map<String, Object> node = root;
        for (String key : path) {
            node = (Map<String, Object>) node.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> root, String... path) {
        Map<String, Object> parent = map(root, java.util.Arrays.copyOf(path, path.length - 1));
        return (List<Object>) parent.get(path[path.length - 1]);
    }
}
