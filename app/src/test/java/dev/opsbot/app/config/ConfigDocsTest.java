package dev.opsbot.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/configuration.md and opsbot.example.yaml (at the repository root) stay true to the code. */
class ConfigDocsTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theExampleFileSpellsOutTheDefaults() {
        assertThat(ConfigLoader.load(ROOT.resolve("opsbot.example.yaml"), Map.of()))
                .isEqualTo(OpsbotConfig.defaults());
    }

    @Test
    void theExampleFileTakesTheConsoleTokenFromTheEnvironment() {
        Map<String, String> env = Map.of("OPSBOT_CONSOLE_TOKEN", "example-token");

        OpsbotConfig config = ConfigLoader.load(ROOT.resolve("opsbot.example.yaml"), env);

        assertThat(config.server().consoleToken().value()).isEqualTo("example-token");
    }

    @Test
    void everyKeyIsDocumented() throws IOException {
        String docs = Files.readString(ROOT.resolve("docs/configuration.md"));
        ConfigNode root = ConfigNode.root(JsonNodeFactory.instance.objectNode());
        OpsbotConfig.from(root);

        List<String> keys = root.knownKeys().toList();

        assertThat(keys)
                .hasSize(107)
                .contains("server.port", "console.users", "teams.tenantId", "teams.reactions.like", "triage.budget")
                .contains("identity.mappings", "identity.people", "identity.sts.readSession")
                .contains("approval.expiry", "approval.twoPersonEnvironments", "policy.rules")
                .contains("sources.github.repositories", "sources.prometheus.signals.cert_expiry")
                .contains("sources.cost.region", "sources.compliance.enabled")
                .contains("handoff.timezone", "handoff.shift", "handoff.schedules", "handoff.rotations");
        for (String key : keys) {
            assertThat(docs).as(key).contains("`" + key + "`");
        }
        assertThat(docs).contains("`sources.prometheus.signals`");
        for (String userKey : List.of("id", "name", "email", "role")) {
            assertThat(docs).contains("`console.users[].%s`".formatted(userKey));
        }
        for (String mappingKey : List.of(
                "group",
                "environment",
                "readRole",
                "writeRole",
                "kubernetesGroups",
                "kubernetesWriteGroups",
                "approver")) {
            assertThat(docs).contains("`identity.mappings[].%s`".formatted(mappingKey));
        }
        for (String entryKey : List.of(
                "schedules[].channel",
                "schedules[].cron",
                "schedules[].timezone",
                "rotations[].channel",
                "rotations[].people",
                "rotations[].start",
                "rotations[].every")) {
            assertThat(docs).contains("`handoff.%s`".formatted(entryKey));
        }
    }

    @Test
    void everyEnvironmentVariableIsDocumentedWithItsKey() throws IOException {
        String docs = Files.readString(ROOT.resolve("docs/configuration.md"));

        for (EnvOverrides.Binding binding : EnvOverrides.ALL) {
            assertThat(docs)
                    .as(binding.variable())
                    .containsPattern("`" + binding.key().replace(".", "\\.") + "`[^\\n]*`" + binding.variable() + "`");
        }
    }
}
