package dev.opsbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.app.OpsbotApplication;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console is off by default, so a configuration must turn on at least one way to talk to opsbot. */
class ChatPlatformTest {
    private static final String REFUSAL = "console.enabled: \"false\" means no web console, and neither"
            + " slack.botToken nor teams.appId is set, so opsbot would have no chat platform to listen on; set"
            + " slack.botToken (env SLACK_BOT_TOKEN) for Slack, teams.appId (env MICROSOFT_APP_ID) for Teams, or"
            + " console.enabled: true for the web console, which is off by default because it has no login (opsbot"
            + " demo turns it on)";

    @TempDir
    Path dir;

    @Test
    void withNoChatPlatformTheConfigurationIsRefusedNamingTheKeysToSet() {
        OpsbotConfig none = ConfigLoader.load(null, Map.of());

        assertThat(none.hasChatPlatform()).isFalse();
        assertThatThrownBy(none::requireChatPlatform)
                .isInstanceOf(ConfigException.class)
                .hasMessage(REFUSAL);
    }

    @Test
    void anyOnePlatformIsEnough() {
        OpsbotConfig console = ConfigFixtures.loadYaml(dir, "console:\n  enabled: true\n");
        OpsbotConfig slack =
                ConfigLoader.load(null, Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "signing"));
        OpsbotConfig teams =
                ConfigLoader.load(null, Map.of("MICROSOFT_APP_ID", "app-id", "MICROSOFT_APP_PASSWORD", "password"));

        for (OpsbotConfig config : new OpsbotConfig[] {console, slack, teams}) {
            assertThat(config.hasChatPlatform()).isTrue();
            config.requireChatPlatform();
        }
    }

    @Test
    void opsbotWithoutAChatPlatformIsNotStartedAndTouchesNoDatabase() {
        Path data = dir.resolve("data");
        OpsbotConfig none = ConfigLoader.load(null, Map.of("OPSBOT_PORT", "0", "OPSBOT_DATA_DIR", data.toString()));

        assertThatThrownBy(() -> OpsbotApplication.start(none).close()).hasMessage(REFUSAL);
        assertThat(data).doesNotExist();
    }
}
