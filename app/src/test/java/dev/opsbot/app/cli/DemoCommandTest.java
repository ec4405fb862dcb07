package dev.opsbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.OpsbotConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo is played in the web console, so it turns the console on whatever the configuration says. */
class DemoCommandTest {
    @Test
    void theDemoOnTheDefaultsServesTheConsoleWithTheScenariosChannelFirst() {
        OpsbotConfig demo = DemoCommand.prepare(ConfigLoader.load(null, Map.of()), "inc-checkout");

        assertThat(demo.console().enabled()).isTrue();
        assertThat(demo.console().channels()).startsWith("inc-checkout");
        assertThat(demo.hasChatPlatform()).isTrue();
        assertThat(demo.server().loopback()).isTrue();
    }

    @Test
    void theDemoTurnsTheConsoleOnEvenWhenTheFileTurnsItOff(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("opsbot.yaml"), "console:\n  enabled: false\n  channels: [ops]\n");

        OpsbotConfig demo = DemoCommand.prepare(ConfigLoader.load(file, Map.of()), "inc-checkout");

        assertThat(demo.console().enabled()).isTrue();
        assertThat(demo.console().channels()).containsExactly("inc-checkout", "ops");
    }
}
