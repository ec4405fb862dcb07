package dev.opsbot.app.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnknownKeyTest {
    @TempDir
    Path dir;

    @Test
    void aMisspeltKeySuggestsTheKnownOne() {
        assertThatThrownBy(() -> ConfigLoader.load(ConfigFixtures.fixture("unknown-key.yaml"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("server.prot: is not a known key; did you mean server.port?");
    }

    @Test
    void aMisspeltSectionSuggestsTheKnownOne() {
        assertThatThrownBy(() -> ConfigFixtures.loadYaml(dir, "sever:\n  port: 9090\n"))
                .hasMessage("sever: is not a known key; did you mean server?");
    }

    @Test
    void snakeCaseAndOtherCapitalisationFindTheCamelCaseKey() {
        assertThatThrownBy(() -> ConfigFixtures.loadYaml(dir, "server:\n  console_token: abc\n"))
                .hasMessage("server.console_token: is not a known key; did you mean server.consoleToken?");
        assertThatThrownBy(() -> ConfigFixtures.loadYaml(dir, "dispatcher:\n  RecoveryInterval: 10s\n"))
                .hasMessage(
                        "dispatcher.RecoveryInterval: is not a known key; did you mean dispatcher.recoveryInterval?");
    }

    @Test
    void aKeyLikeNoneListsTheKeysThatExist() {
        assertThatThrownBy(() -> ConfigFixtures.loadYaml(dir, "logging:\n  colour: blue\n"))
                .hasMessage("logging.colour: is not a known key; the keys under logging are format, level");
        assertThatThrownBy(() -> ConfigFixtures.loadYaml(dir, "kubernetes: {}\n"))
                .hasMessage("kubernetes: is not a known key; the top-level keys are server, database, console,"
                        + " dispatcher, logging, llm, slack, teams");
    }

    @Test
    void unknownKeysInsideAListEntryAreFoundToo() {
        assertThatThrownBy(
                        () -> ConfigFixtures.loadYaml(dir, "console:\n  users:\n    - id: alice\n      mail: a@b.c\n"))
                .hasMessage("console.users[0].mail: is not a known key; did you mean console.users[0].email?");
    }
}
