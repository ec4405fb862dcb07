package dev.opsbot.app.config;

import static dev.opsbot.app.config.EnvVariableName.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which environment variable sets which key. An override beats the file, so a deployment (or a test harness) can
 * point opsbot at its services without editing or even having a file; a fallback only fills a key the file left
 * unset ({@code AWS_REGION} is for the whole AWS SDK, and a region written for the model should win over it).
 *
 * <p>A variable that is set but empty counts as unset: compose files and Helm charts often define every variable
 * and leave the unused ones empty.
 */
final class EnvOverrides {
    record Binding(String variable, String key, boolean fallbackOnly) {}

    static final List<Binding> ALL = List.of(
            new Binding(OPSBOT_HOST, "server.host", false),
            new Binding(OPSBOT_PORT, "server.port", false),
            new Binding(OPSBOT_CONSOLE_TOKEN, "server.consoleToken", false),
            new Binding(OPSBOT_DATABASE_URL, "database.url", false),
            new Binding(OPSBOT_DATABASE_USER, "database.user", false),
            new Binding(OPSBOT_DATABASE_PASSWORD, "database.password", false),
            new Binding(OPSBOT_DATA_DIR, "database.dataDir", false),
            new Binding(OPSBOT_LOG_FORMAT, "logging.format", false),
            new Binding(OPSBOT_LLM_PROVIDER, "llm.provider", false),
            new Binding(OPSBOT_LLM_BASE_URL, "llm.baseUrl", false),
            new Binding(OPSBOT_LLM_MODEL, "llm.model", false),
            new Binding(OPSBOT_LLM_API_KEY, "llm.apiKey", false),
            new Binding(AWS_REGION, "llm.region", true),
            new Binding(SLACK_BOT_TOKEN, "slack.botToken", false),
            new Binding(SLACK_SIGNING_SECRET, "slack.signingSecret", false),
            new Binding(SLACK_APP_TOKEN, "slack.appToken", false),
            new Binding(OPSBOT_SLACK_API_URL, "slack.apiUrl", false),
            new Binding(MICROSOFT_APP_ID, "teams.appId", false),
            new Binding(MICROSOFT_APP_PASSWORD, "teams.appPassword", false),
            new Binding(MICROSOFT_APP_TENANT_ID, "teams.tenantId", false));

    private EnvOverrides() {}

    /** Writes every set override into {@code tree}; returns key -> variable for the keys it wrote. */
    static Map<String, String> override(ObjectNode tree, Map<String, String> env) {
        return write(tree, env, false);
    }

    /** Writes every set fallback into a key of {@code tree} that is still unset; returns key -> variable. */
    static Map<String, String> fillGaps(ObjectNode tree, Map<String, String> env) {
        return write(tree, env, true);
    }

    /** The variable that sets {@code key}, for messages that tell people where to put a value. */
    static Optional<String> variableFor(String key) {
        return ALL.stream()
                .filter(b -> b.key().equals(key))
                .map(Binding::variable)
                .findFirst();
    }

    /** " (env NAME)" for a key that has a variable, "" otherwise. */
    static String hint(String key) {
        return variableFor(key).map(name -> " (env " + name + ")").orElse("");
    }

    private static Map<String, String> write(ObjectNode tree, Map<String, String> env, boolean fallbacks) {
        Map<String, String> written = new HashMap<>();
        for (Binding binding : ALL) {
            String value = env.get(binding.variable());
            if (binding.fallbackOnly() != fallbacks || value == null || value.isBlank()) {
                continue;
            }
            String[] parts = binding.key().split("\\.");
            ObjectNode section = sectionOf(tree, parts[0]);
            // a section that is not a mapping is left for the reader, which says what is wrong with it
            if (section != null && (!fallbacks || isUnset(section.get(parts[1])))) {
                section.set(parts[1], TextNode.valueOf(value));
                written.put(binding.key(), binding.variable());
            }
        }
        return written;
    }

    private static ObjectNode sectionOf(ObjectNode tree, String name) {
        JsonNode section = tree.get(name);
        if (section == null || section.isNull()) {
            return tree.putObject(name);
        }
        return section instanceof ObjectNode object ? object : null;
    }

    private static boolean isUnset(JsonNode value) {
        return value == null
                || value.isNull()
                || (value.isValueNode() && value.asText().isBlank());
    }
}
