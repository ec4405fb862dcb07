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
                        + " dispatcher, logging, llm, slack, teams, triage, sources, identity, approval, policy, memory,"
                        + " handoff");
    }

    @Test
    void aMisspeltSourceOrSourceKeySuggestsTheKnownOne() {
        assertThatThrownBy(() -> ConfigFixtures.loadYaml(dir, "sources:\n  promethus:\n    url: http://p:9090\n"))
                .hasMessage("sources.promethus: is not a known key; did you mean sources.prometheus?");
        assertThatThrownBy(() -> ConfigFixtures.loadYaml(dir, "sources:\n  github:\n    repos: [acme/checkout]\n"))
                .hasMessage("sources.github.repos: is not a known key; the keys under sources.github are url, token,"
                        + " repositories");
        assertThatThrownBy(() -> ConfigFixtures.loadYaml(dir, "sources:\n  kubernetes:\n    master_url: https://k\n"))
                .hasMessage("sources.kubernetes.master_url: is not a known key; did you mean"
                        + " sources.kubernetes.masterUrl?");
        assertThatThrownBy(() -> ConfigFixtures.loadYaml(dir, "triage:\n  timeout: 5s\n"))
                .hasMessage("triage.timeout: is not a known key; the keys under triage are defaultNamespace, window,"
                        + " sourceTimeout, budget");
    }

    @Test
    void aSignalNameInCamelCaseFindsTheSnakeCaseOne() {
        assertThatThrownBy(() ->
                        ConfigFixtures.loadYaml(dir, "sources:\n  prometheus:\n    signals:\n      errorRatio: up\n"))
                .hasMessage("sources.prometheus.signals.errorRatio: is not a known key; did you mean"
                        + " sources.prometheus.signals.error_ratio?");
    }

    @Test
    void unknownKeysInsideAListEntryAreFoundToo() {
        assertThatThrownBy(
                        () -> ConfigFixtures.loadYaml(dir, "console:\n  users:\n    - id: alice\n      mail: a@b.c\n"))
                .hasMessage("console.users[0].mail: is not a known key; did you mean console.users[0].email?");
    }
}
