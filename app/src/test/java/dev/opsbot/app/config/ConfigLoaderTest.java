package dev.opsbot.app.config;

import static dev.opsbot.app.config.ConfigFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    @Test
    void aFullFileSetsEveryKey() {
        OpsbotConfig config = ConfigLoader.load(fixture("full.yaml"), Map.of());

        assertThat(config.server())
                .isEqualTo(new ServerConfig(
                        "0.0.0.0", 9090, new Secret("console-token-value-1234"), 12_000, Duration.ofSeconds(45)));
        assertThat(config.server().loopback()).isFalse();
        assertThat(config.database())
                .isEqualTo(new DatabaseConfig(
                        "jdbc:postgresql://db.internal:5432/opsbot",
                        "opsbot",
                        new Secret("database-password-5678"),
                        25,
                        Path.of("/var/lib/opsbot")));
        assertThat(config.console().channels()).containsExactly("incident-payments", "ops");
        assertThat(config.console().users())
                .containsExactly(
                        new ConsoleUser("carol", "Carol Diaz", "carol@example.org", "incident commander"),
                        new ConsoleUser("dave.k", "Dave Kim", null, ""));
        assertThat(config.dispatcher())
                .isEqualTo(new DispatcherConfig(Duration.ofMinutes(5), Duration.ofSeconds(30), 8));
        assertThat(config.logging()).isEqualTo(new LoggingConfig("json", "DEBUG"));
        assertThat(config.llm())
                .isEqualTo(new LlmConfig(
                        "openai",
                        "https://llm.internal/v1",
                        "gpt-4o-mini",
                        new Secret("llm-api-key-9012"),
                        "eu-west-1"));
        assertThat(config.slack().botToken().value()).isEqualTo("xoxb-slack-bot-token-3456");
        assertThat(config.slack().signingSecret().value()).isEqualTo("slack-signing-secret-7890");
        assertThat(config.slack().appToken().value()).isEqualTo("xapp-slack-app-token-1122");
        assertThat(config.slack().apiUrl()).as("Bolt needs the trailing slash").isEqualTo("http://localhost:9999/api/");
        assertThat(config.slack().configured()).isTrue();
        assertThat(config.slack().socketMode()).isTrue();
        assertThat(config.teams())
                .isEqualTo(new TeamsConfig(
                        "00000000-1111-2222-3333-444444444444",
                        new Secret("teams-app-password-3344"),
                        "contoso.onmicrosoft.com"));
        assertThat(config.teams().configured()).isTrue();
        assertThat(config.triage())
                .isEqualTo(
                        new TriageConfig("shop", Duration.ofHours(2), Duration.ofSeconds(3), Duration.ofSeconds(45)));
    }

    @Test
    void aFullFileSetsEverySource() {
        SourcesConfig sources =
                ConfigLoader.load(fixture("full.yaml"), Map.of()).sources();

        assertThat(sources.kubernetes())
                .isEqualTo(new KubernetesSourceConfig(true, "https://k8s.internal:6443", false, Duration.ofSeconds(2)));
        assertThat(sources.prometheus())
                .isEqualTo(new PrometheusSourceConfig(
                        "http://prometheus.monitoring:9090",
                        new Secret("prometheus-token-5566"),
                        Duration.ofMinutes(1),
                        Map.of(
                                "error_ratio",
                                "sum(rate(nginx_requests_total{namespace=\"$namespace\",app=\"$service\",status=~\"5..\"}[5m]))"
                                        + " / sum(rate(nginx_requests_total{namespace=\"$namespace\",app=\"$service\"}[5m]))",
                                "cert_expiry",
                                "min(probe_ssl_earliest_cert_expiry{namespace=\"$namespace\"}) - time()")));
        assertThat(sources.prometheus().token().value()).isEqualTo("prometheus-token-5566");
        assertThat(sources.cloudwatch())
                .isEqualTo(new CloudWatchSourceConfig(
                        true,
                        "eu-central-1",
                        List.of("/aws/eks/prod/$service", "/aws/containerinsights/prod/application"),
                        "targetgroup/$service/0123456789abcdef",
                        "prod"));
        assertThat(sources.argocd())
                .isEqualTo(new ArgoCdSourceConfig("https://argocd.internal", new Secret("argocd-token-7788")));
        assertThat(sources.github())
                .isEqualTo(new GitHubSourceConfig(
                        "https://github.example.com/api/v3",
                        new Secret("github-token-9900"),
                        List.of("acme/checkout", "acme/payments")));
        assertThat(List.of(
                        sources.kubernetes().enabled(),
                        sources.prometheus().enabled(),
                        sources.cloudwatch().enabled(),
                        sources.argocd().enabled(),
                        sources.github().enabled()))
                .containsOnly(true);
    }

    @Test
    void sourceTokensComeFromVariablesInTheFile() {
        Map<String, String> env = Map.of("PROM_TOKEN", "p-from-env", "GH_TOKEN", "g-from-env");

        SourcesConfig sources =
                ConfigLoader.load(fixture("sources-substitution.yaml"), env).sources();

        assertThat(sources.prometheus().token().value()).isEqualTo("p-from-env");
        assertThat(sources.github().token().value()).isEqualTo("g-from-env");
        assertThat(sources.argocd().token())
                .as("${ARGOCD_TOKEN:-} with the variable unset")
                .isNull();
        assertThat(sources.prometheus().signals())
                .as("$namespace and $service are placeholders, not variables")
                .containsEntry(
                        "restarts",
                        "sum(increase(kube_pod_container_status_restarts_total{namespace=\"$namespace\",pod=~\"$service-.*\"}[10m]))");
    }

    @Test
    void variablesAreSubstitutedAndDefaultsFillTheUnsetOnes() {
        Map<String, String> env =
                Map.of("CONSOLE_TOKEN", "tok-from-env", "DB_HOST", "pg.internal", "DB_PASSWORD", "pw");

        OpsbotConfig config = ConfigLoader.load(fixture("substitution.yaml"), env);

        assertThat(config.server().port()).as("${PORT:-8181} with PORT unset").isEqualTo(8181);
        assertThat(config.server().consoleToken().value()).isEqualTo("tok-from-env");
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://pg.internal:5432/opsbot");
        assertThat(config.database().password().value()).isEqualTo("pw");
        assertThat(config.console().channels()).containsExactly("general");
        assertThat(config.console().users().get(0).role()).isEqualTo("literal ${NOT_A_VARIABLE}");
    }

    @Test
    void aSetVariableBeatsItsDefault() {
        Map<String, String> env =
                Map.of("PORT", "8282", "CONSOLE_TOKEN", "t", "DB_HOST", "h", "DB_PASSWORD", "p", "DB_PORT", "6543");

        OpsbotConfig config = ConfigLoader.load(fixture("substitution.yaml"), env);

        assertThat(config.server().port()).isEqualTo(8282);
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://h:6543/opsbot");
    }

    @Test
    void anUnsetVariableWithoutDefaultNamesTheVariableAndTheKey() {
        assertThatThrownBy(() -> ConfigLoader.load(fixture("unset-variable.yaml"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("slack.botToken: \"${SLACK_TOKEN_FOR_TESTS}\" names environment variable"
                        + " SLACK_TOKEN_FOR_TESTS, which is not set; set SLACK_TOKEN_FOR_TESTS, or give a default as"
                        + " ${SLACK_TOKEN_FOR_TESTS:-value}");
    }

    @Test
    void environmentVariablesBeatTheFile() {
        Map<String, String> env = Map.ofEntries(
                Map.entry("OPSBOT_PORT", "7070"),
                Map.entry("OPSBOT_HOST", "10.0.0.5"),
                Map.entry("OPSBOT_CONSOLE_TOKEN", "env-console-token"),
                Map.entry("OPSBOT_DATABASE_URL", "jdbc:h2:mem:test"),
                Map.entry("OPSBOT_DATABASE_USER", "sa"),
                Map.entry("OPSBOT_DATABASE_PASSWORD", "env-db-password"),
                Map.entry("OPSBOT_DATA_DIR", "/tmp/opsbot-data"),
                Map.entry("OPSBOT_LOG_FORMAT", "text"),
                Map.entry("OPSBOT_LLM_PROVIDER", "bedrock"),
                Map.entry("OPSBOT_LLM_BASE_URL", "http://localhost:4566/v1"),
                Map.entry("OPSBOT_LLM_MODEL", "anthropic.claude-v2"),
                Map.entry("OPSBOT_LLM_API_KEY", "env-llm-key"),
                Map.entry("AWS_REGION", "us-east-2"),
                Map.entry("SLACK_BOT_TOKEN", "xoxb-env"),
                Map.entry("SLACK_SIGNING_SECRET", "env-signing"),
                Map.entry("SLACK_APP_TOKEN", "xapp-env"),
                Map.entry("OPSBOT_SLACK_API_URL", "http://127.0.0.1:1234/api/"),
                Map.entry("MICROSOFT_APP_ID", "env-app-id"),
                Map.entry("MICROSOFT_APP_PASSWORD", "env-app-password"),
                Map.entry("MICROSOFT_APP_TENANT_ID", "env-tenant"));

        OpsbotConfig config = ConfigLoader.load(fixture("full.yaml"), env);

        assertThat(config.server().port()).isEqualTo(7070);
        assertThat(config.server().host()).isEqualTo("10.0.0.5");
        assertThat(config.server().consoleToken().value()).isEqualTo("env-console-token");
        assertThat(config.database())
                .isEqualTo(new DatabaseConfig(
                        "jdbc:h2:mem:test", "sa", new Secret("env-db-password"), 25, Path.of("/tmp/opsbot-data")));
        assertThat(config.logging().format()).isEqualTo("text");
        assertThat(config.llm())
                .isEqualTo(new LlmConfig(
                        "bedrock",
                        "http://localhost:4566/v1",
                        "anthropic.claude-v2",
                        new Secret("env-llm-key"),
                        "eu-west-1"));
        assertThat(config.slack())
                .isEqualTo(new SlackConfig(
                        new Secret("xoxb-env"),
                        new Secret("env-signing"),
                        new Secret("xapp-env"),
                        "http://127.0.0.1:1234/api/"));
        assertThat(config.teams())
                .isEqualTo(new TeamsConfig("env-app-id", new Secret("env-app-password"), "env-tenant"));
    }

    @Test
    void environmentAloneConfiguresOpsbotWithoutAFile() {
        Map<String, String> env =
                Map.of("OPSBOT_PORT", "18080", "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1");

        OpsbotConfig config = ConfigLoader.load(null, env);

        assertThat(config.server().port()).isEqualTo(18080);
        assertThat(config.slack().configured()).isTrue();
        assertThat(config.slack().socketMode()).isTrue();
    }

    @Test
    void awsRegionOnlyFillsAModelRegionTheFileLeftUnset() {
        Map<String, String> env = Map.of("AWS_REGION", "ap-south-1");

        assertThat(ConfigLoader.load(fixture("full.yaml"), env).llm().region()).isEqualTo("eu-west-1");
        assertThat(ConfigLoader.load(null, env).llm().region()).isEqualTo("ap-south-1");
    }

    @Test
    void anEmptyVariableCountsAsUnset() {
        OpsbotConfig config =
                ConfigLoader.load(fixture("full.yaml"), Map.of("OPSBOT_PORT", "", "SLACK_BOT_TOKEN", " "));

        assertThat(config.server().port()).isEqualTo(9090);
        assertThat(config.slack().botToken().value()).isEqualTo("xoxb-slack-bot-token-3456");
    }

    @Test
    void anOverriddenKeyNeedNotResolveItsVariableAndTheOverrideIsTakenLiterally() {
        Map<String, String> env = Map.of(
                "OPSBOT_CONSOLE_TOKEN", "pa$${not}-${A_REFERENCE}",
                "DB_HOST", "h",
                "DB_PASSWORD", "p");

        OpsbotConfig config = ConfigLoader.load(fixture("substitution.yaml"), env);

        assertThat(config.server().consoleToken().value()).isEqualTo("pa$${not}-${A_REFERENCE}");
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("OPSBOT_PORT", "80a")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "server.port (set by OPSBOT_PORT): \"80a\" is not a port number (0 picks a free one); use a number from 0 to 65535");
    }

    @Test
    void malformedYamlIsReportedWithLineAndColumn() {
        Path file = fixture("malformed.yaml");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + " line 3, column ")
                .hasMessageContaining("; fix the YAML there");
    }

    @Test
    void aKeyWrittenTwiceIsRefusedWithItsLine() {
        Path file = fixture("duplicate-key.yaml");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + " line 3, column ")
                .hasMessageContaining("port");
    }

    @Test
    void aMissingFileSaysSoAndHowToRunWithoutOne() {
        Path missing = Path.of("does-not-exist", "opsbot.yaml");

        assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": does not exist; check the path given to --config, or leave --config out"
                        + " to run on defaults and environment variables");
    }
}
