package dev.opsbot.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code opsbot.yaml} into a tree. Syntax errors are reported with line and column, because "expected a
 * mapping" alone sends people hunting through the whole file. A key written twice is an error too: YAML parsers
 * otherwise keep the last one silently.
 */
final class YamlDocument {
    private static final YAMLMapper MAPPER = YAMLMapper.builder(new YAMLFactory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private YamlDocument() {}

    static ObjectNode read(Path file) {
        String text = readText(file);
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw syntaxError(file, e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return JsonNodeFactory.instance.objectNode(); // an empty file is a valid "all defaults"
        }
        if (!tree.isObject()) {
            throw ConfigException.about(
                    file.toString(),
                    "is not a YAML mapping",
                    "start the file with top-level keys such as server: and database:",
                    null);
        }
        return (ObjectNode) tree;
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw ConfigException.about(
                    file.toString(),
                    "does not exist",
                    "check the path given to --config, or leave --config out to run on defaults and environment variables",
                    e);
        } catch (IOException e) {
            throw ConfigException.about(
                    file.toString(),
                    "cannot be read (" + e + ")",
                    "check that the file is readable by the user running opsbot",
                    e);
        }
    }

    private static ConfigException syntaxError(Path file, JsonProcessingException e) {
        String problem = firstLine(e.getOriginalMessage());
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1
                ? ""
                : " line " + location.getLineNr() + ", column " + location.getColumnNr();
        MarkedYAMLException yaml = yamlCause(e);
        if (yaml != null && yaml.getProblemMark() != null) {
            // SnakeYAML knows where the problem is; Jackson's location is where it gave up, which can be a line early
            Mark mark = yaml.getProblemMark();
            where = " line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            problem = firstLine(yaml.getProblem()) + context(yaml);
        }
        return ConfigException.about(
                file + where,
                problem,
                "fix the YAML there: indent with spaces, not tabs, and quote values that contain \": \" or start with"
                        + " a special character such as { [ * & ! % @",
                null); // the parser's own message is several lines repeating this one: one sentence is the point
    }

    private static MarkedYAMLException yamlCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }

    private static String context(MarkedYAMLException yaml) {
        if (yaml.getContext() == null || yaml.getContextMark() == null) {
            return "";
        }
        Mark mark = yaml.getContextMark();
        return " (" + yaml.getContext() + " that starts at line " + (mark.getLine() + 1) + ", column "
                + (mark.getColumn() + 1) + ")";
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "is not valid YAML";
        }
        return message.strip().lines().findFirst().orElse(message).strip();
    }
}
