package dev.opsbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsbotConfigDefaultsTest {

    @Test
    void noFileAndNoEnvironmentGiveTheDefaults() {
        OpsbotConfig config = ConfigLoader.load(null, Map.of());

        assertThat(config).isEqualTo(OpsbotConfig.defaults());
    }

    @Test
    void anEmptyFileGivesTheDefaults() {
        assertThat(ConfigLoader.load(ConfigFixtures.fixture("empty.yaml"), Map.of()))
                .isEqualTo(OpsbotConfig.defaults());
    }

    @Test
    void defaultsServeTheConsoleOnLoopbackWithoutAToken() {
        ServerConfig server = OpsbotConfig.defaults().server();

        assertThat(server.host()).isEqualTo("127.0.0.1");
        assertThat(server.port()).isEqualTo(8080);
        assertThat(server.consoleToken()).isNull();
        assertThat(server.maxMessageChars()).isEqualTo(40_000);
        assertThat(server.shutdownGrace()).isEqualTo(Duration.ofSeconds(20));
        assertThat(server.loopback()).isTrue();
    }

    @Test
    void defaultsUseTheH2FileDatabaseUnderData() {
        DatabaseConfig database = OpsbotConfig.defaults().database();

        assertThat(database.url()).isNull();
        assertThat(database.user()).isNull();
        assertThat(database.password()).isNull();
        assertThat(database.poolSize()).isEqualTo(16);
        assertThat(database.dataDir()).isEqualTo(Path.of("./data"));
    }

    @Test
    void theConsoleIsOffUnlessTheFileTurnsItOn(@TempDir Path dir) {
        assertThat(OpsbotConfig.defaults().console().enabled()).isFalse();
        assertThat(ConfigLoader.load(null, Map.of()).console().enabled()).isFalse();
        assertThat(ConfigFixtures.loadYaml(dir, "console:\n  channels: [general]\n")
                        .console()
                        .enabled())
                .isFalse();
        assertThat(ConfigFixtures.loadYaml(dir, "console:\n  enabled: true\n")
                        .console()
                        .enabled())
                .isTrue();
    }

    @Test
    void withConsoleEnabledTurnsOnlyTheConsoleOnKeepingItsChannelsAndUsers() {
        OpsbotConfig demo = OpsbotConfig.defaults().withConsoleEnabled();

        assertThat(demo.console())
                .isEqualTo(new ConsoleConfig(true, ConsoleConfig.DEFAULT_CHANNELS, ConsoleConfig.DEFAULT_USERS));
        assertThat(demo.server()).isEqualTo(ServerConfig.defaults());
        assertThat(demo.withConsoleEnabled()).isEqualTo(demo);
    }

    @Test
    void defaultConsoleHasTheDemoChannelsAndPeople() {
        ConsoleConfig console = OpsbotConfig.defaults().console();

        assertThat(console.channels()).containsExactly("incident-checkout", "general");
        assertThat(console.users())
                .containsExactly(
                        new ConsoleUser("alice", "Alice Chen", "alice@example.com", "on-call engineer"),
                        new ConsoleUser("bob", "Bob Okafor", "bob@example.com", "SRE lead"),
                        new ConsoleUser("mallory", "Mallory", "mallory@example.com", "not mapped to anyone"));
        assertThat(console.user("bob")).map(ConsoleUser::name).contains("Bob Okafor");
        assertThat(console.user("eve")).isEmpty();
    }

    @Test
    void defaultsRunWithoutAModelSlackOrTeams() {
        OpsbotConfig config = OpsbotConfig.defaults();

        assertThat(config.dispatcher())
                .isEqualTo(new DispatcherConfig(Duration.ofMinutes(2), Duration.ofSeconds(15), 8));
        assertThat(config.logging()).isEqualTo(new LoggingConfig("text", "INFO"));
        assertThat(config.llm().provider()).isEqualTo("none");
        assertThat(config.llm().enabled()).isFalse();
        assertThat(config.slack().configured()).isFalse();
        assertThat(config.teams().configured()).isFalse();
    }

    @Test
    void defaultTriageLooksBackAnHourWithinTwentySeconds() {
        TriageConfig triage = OpsbotConfig.defaults().triage();

        assertThat(triage.defaultNamespace()).isEqualTo("default");
        assertThat(triage.window()).isEqualTo(Duration.ofHours(1));
        assertThat(triage.sourceTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(triage.budget()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void defaultsTurnEverySourceOff() {
        SourcesConfig sources = OpsbotConfig.defaults().sources();

        assertThat(sources.kubernetes())
                .isEqualTo(new KubernetesSourceConfig(false, null, true, Duration.ofSeconds(5)));
        assertThat(sources.prometheus())
                .isEqualTo(new PrometheusSourceConfig(null, null, Duration.ofSeconds(30), Map.of()));
        assertThat(sources.cloudwatch()).isEqualTo(new CloudWatchSourceConfig(false, null, List.of(), null, null));
        assertThat(sources.argocd()).isEqualTo(new ArgoCdSourceConfig(null, null));
        assertThat(sources.github()).isEqualTo(new GitHubSourceConfig("https://api.github.com", null, List.of()));
        assertThat(List.of(
                        sources.kubernetes().enabled(),
                        sources.prometheus().enabled(),
                        sources.cloudwatch().enabled(),
                        sources.argocd().enabled(),
                        sources.github().enabled()))
                .containsOnly(false);
    }

    @Test
    void emptySectionsGiveTheDefaults(@TempDir Path dir) {
        OpsbotConfig config = ConfigFixtures.loadYaml(
                dir,
                "triage:\nsources:\n  kubernetes: {}\n  prometheus:\n    signals:\n  cloudwatch: {logGroups: []}\n"
                        + "  github: {url: \"\"}\n");

        assertThat(config).isEqualTo(OpsbotConfig.defaults());
    }

    @Test
    void withPortChangesOnlyThePort() {
        OpsbotConfig config = OpsbotConfig.defaults().withPort(9999);

        assertThat(config.server().port()).isEqualTo(9999);
        assertThat(config.server().withPort(8080)).isEqualTo(ServerConfig.defaults());
        assertThat(config.database()).isEqualTo(OpsbotConfig.defaults().database());
        assertThat(config.triage()).isEqualTo(TriageConfig.defaults());
        assertThat(config.sources()).isEqualTo(SourcesConfig.defaults());
    }

    @Test
    void withPortRefusesANumberThatIsNotAPort() {
        assertThatThrownBy(() -> OpsbotConfig.defaults().withPort(70_000))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "server.port: \"70000\" is not a port number (0 picks a free one); use a number from 0 to 65535");
    }

    @Test
    void recordsAreImmutable() {
        List<String> channels = new java.util.ArrayList<>(List.of("general"));
        ConsoleConfig console = new ConsoleConfig(true, channels, ConsoleConfig.DEFAULT_USERS);
        channels.add("changed");

        assertThat(console.channels()).containsExactly("general");
        assertThatThrownBy(() -> console.users().add(new ConsoleUser("eve", null, null, null)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
