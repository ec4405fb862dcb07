package dev.opsbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code opsbot serve} runs only the chat platforms its configuration turns on; the console is not one by default. */
class ServeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void serveWithNoChatPlatformIsRefusedNamingTheKeysToSetBeforeAnythingStarts(@TempDir Path dir) throws Exception {
        // the CLI reads this process's environment: a machine with Slack or Teams keys set would start them
        assumeTrue(Stream.of("SLACK_BOT_TOKEN", "MICROSOFT_APP_ID").allMatch(name -> System.getenv(name) == null));
        Path data = dir.resolve("data");
        Path config = Files.writeString(dir.resolve("opsbot.yaml"), "database:\n  dataDir: " + data + "\n");

        int exit = OpsbotCommand.run(
                new PrintWriter(out, true), new PrintWriter(err, true), "serve", "--config", config.toString());

        assertThat(exit).isEqualTo(OpsbotCommand.FAILED);
        assertThat(err.toString())
                .startsWith("opsbot: console.enabled: \"false\" means no web console")
                .contains("slack.botToken (env SLACK_BOT_TOKEN)")
                .contains("teams.appId (env MICROSOFT_APP_ID)")
                .contains("console.enabled: true");
        assertThat(data).as("no database was opened").doesNotExist();
    }
}
