package dev.opsbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {
    /** The secret values in full.yaml. */
    private static final List<String> SECRETS = List.of(
            "console-token-value-1234",
            "database-password-5678",
            "llm-api-key-9012",
            "xoxb-slack-bot-token-3456",
            "slack-signing-secret-7890",
            "xapp-slack-app-token-1122",
            "teams-app-password-3344",
            "prometheus-token-5566",
            "argocd-token-7788",
            "github-token-9900");

    @TempDir
    Path dir;

    @Test
    void aSecretPrintsAsStars() {
        Secret secret = new Secret("hunter2");

        assertThat(secret).hasToString("***");
        assertThat(secret.value()).isEqualTo("hunter2");
        assertThat(Secret.ofNullable("  ")).isNull();
    }

    @Test
    void noRecordPrintsASecret() {
        OpsbotConfig config = ConfigLoader.load(ConfigFixtures.fixture("full.yaml"), Map.of());

        List<Object> records = List.of(
                config,
                config.server(),
                config.database(),
                config.llm(),
                config.slack(),
                config.teams(),
                config.sources(),
                config.sources().prometheus(),
                config.sources().argocd(),
                config.sources().github());
        for (Object record : records) {
            for (String secret : SECRETS) {
                assertThat(record.toString()).doesNotContain(secret);
            }
        }
        assertThat(config.toString())
                .contains("consoleToken=***", "botToken=***", "appPassword=***")
                .contains("PrometheusSourceConfig[url=http://prometheus.monitoring:9090, token=***")
                .contains("ArgoCdSourceConfig[url=https://argocd.internal, token=***]")
                .contains("GitHubSourceConfig[url=https://github.example.com/api/v3, token=***");
    }

    @Test
    void noSecretReachesJson() throws Exception {
        OpsbotConfig config = ConfigLoader.load(ConfigFixtures.fixture("full.yaml"), Map.of());

        String json = new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsString(config);

        for (String secret : SECRETS) {
            assertThat(json).doesNotContain(secret);
        }
        assertThat(json).contains("\"botToken\":\"***\"", "\"token\":\"***\"");
    }

    @Test
    void aPasswordInsideTheJdbcUrlIsMaskedWhenPrinted() {
        DatabaseConfig database = new DatabaseConfig(
                "jdbc:postgresql://opsbot:pg-secret@db:5432/opsbot?password=pg-secret&ssl=true",
                null,
                null,
                5,
                Path.of("d"));

        assertThat(database.toString())
                .doesNotContain("pg-secret")
                .contains("jdbc:postgresql://opsbot:***@db:5432/opsbot?password=***&ssl=true");
    }

    @Test
    void aSecretOfTheWrongShapeIsNotQuotedBack() {
        assertThatThrownBy(() -> ConfigFixtures.loadYaml(dir, "slack:\n  botToken: [xoxb-leaked]\n"))
                .hasMessage("slack.botToken: is not a single value; write the secret as one quoted string")
                .hasMessageNotContaining("xoxb-leaked");
    }

    @Test
    void aSourceTokenOfTheWrongShapeIsNotQuotedBack() {
        assertThatThrownBy(() -> ConfigFixtures.loadYaml(dir, "sources:\n  github:\n    token: [ghp-leaked]\n"))
                .hasMessage("sources.github.token: is not a single value; write the secret as one quoted string")
                .hasMessageNotContaining("ghp-leaked");
    }

    @Test
    void aFailingSubstitutionQuotesOnlyTheReference() {
        assertThatThrownBy(() -> ConfigFixtures.loadYaml(dir, "database:\n  password: \"s3cr3t-${MISSING}\"\n"))
                .hasMessageStartingWith("database.password: \"${MISSING}\" names environment variable MISSING")
                .hasMessageNotContaining("s3cr3t");
    }
}
