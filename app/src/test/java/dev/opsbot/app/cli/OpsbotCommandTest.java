package dev.opsbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract: exit 0 ok, 1 the operation failed (message on stderr), 2 bad usage. */
class OpsbotCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return OpsbotCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("version")).isZero();
        assertThat(out.toString()).startsWith("opsbot ").doesNotContain("${");
    }

    @Test
    void anUnknownCommandIsBadUsage() {
        assertThat(run("launch-missiles")).isEqualTo(2);
        assertThat(err.toString()).contains("launch-missiles");
    }

    @Test
    void noCommandIsBadUsageNamingTheCommands() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("serve").contains("demo");
    }

    @Test
    void demoWithAScenarioDirectoryThatHasNoScenarioIsBadUsage(@TempDir Path empty) {
        assertThat(run("demo", "--scenario", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no scenario.yaml");
    }

    @Test
    void dbMigrateBringsTheConfiguredDatabaseUpToDate(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("opsbot.yaml");
        Files.writeString(config, "database:\n  dataDir: " + dir.resolve("data") + "\n");

        assertThat(run("db", "migrate", "--config", config.toString()))
                .as(err.toString())
                .isZero();

        assertThat(out.toString()).contains("database migrated").contains("jdbc:h2:file:");
        assertThat(dir.resolve("data").resolve("opsbot.mv.db")).exists();
    }

    @Test
    void aBadConfigurationFailsWithTheKeyAndTheFix(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("opsbot.yaml");
        Files.writeString(config, "server:\n  port: eighty\n");

        assertThat(run("db", "migrate", "--config", config.toString())).isEqualTo(1);

        assertThat(err.toString())
                .startsWith("opsbot: ")
                .contains("server.port")
                .contains("eighty");
    }

    @Test
    void anUnreachableDatabaseFailsWithAClearMessageAndNoPassword(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("opsbot.yaml");
        Files.writeString(
                config,
                "database:\n  url: jdbc:postgresql://127.0.0.1:1/nothing\n  user: opsbot\n  password: hunter2\n");

        assertThat(run("db", "migrate", "--config", config.toString())).isEqualTo(1);

        assertThat(err.toString()).contains("127.0.0.1:1").doesNotContain("hunter2");
    }
}
