package dev.opsbot.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One mapping of the YAML tree (the root, a section, or a list item) read as typed values. Every key asked for is
 * remembered, so after a section is read {@link #rejectUnknown()} can refuse keys nobody asked for: the records'
 * readers are the schema, and there is no second list of keys to fall out of date.
 *
 * <p>A missing key, {@code null}, {@code ~} and an empty string all mean "not set", so the default applies; that is
 * also what an empty {@code ${VAR:-}} gives.
 */
final class ConfigNode {
    private final String path;
    private final ObjectNode values;
    private final Map<String, ConfigNode> known = new LinkedHashMap<>();

    private ConfigNode(String path, ObjectNode values) {
        this.path = path;
        this.values = values;
    }

    static ConfigNode root(ObjectNode tree) {
        return new ConfigNode("", tree);
    }

    /** The full dotted key of {@code name} under this node, as messages and the docs spell it. */
    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    ConfigNode section(String name) {
        JsonNode child = field(name);
        ConfigNode section =
                new ConfigNode(key(name), child == null ? JsonNodeFactory.instance.objectNode() : mapping(name, child));
        known.put(name, section);
        return section;
    }

    /** The list of mappings under {@code name}, or {@code null} when it is not set. */
    List<ConfigNode> sections(String name) {
        JsonNode child = field(name);
        if (child == null) {
            return null;
        }
        if (!child.isArray()) {
            throw new ConfigException(
                    key(name), null, "is not a list", "write one \"- key: value\" entry per line under " + name + ":");
        }
        List<ConfigNode> items = new ArrayList<>();
        for (int i = 0; i < child.size(); i++) {
            String itemKey = key(name) + "[" + i + "]";
            if (!child.get(i).isObject()) {
                throw new ConfigException(
                        itemKey, shown(child.get(i)), "is not a mapping", "write each entry as key: value pairs");
            }
            items.add(new ConfigNode(itemKey, (ObjectNode) child.get(i)));
        }
        return items;
    }

    /** The trimmed text under {@code name}, or {@code null} when it is not set. */
    String text(String name) {
        JsonNode child = field(name);
        if (child == null) {
            return null;
        }
        if (!child.isValueNode()) {
            throw new ConfigException(
                    key(name),
                    null,
                    "is a " + (child.isArray() ? "list" : "mapping") + ", not a single value",
                    "write one value after " + name + ":");
        }
        return Checks.blankToNull(child.asText());
    }

    /**
     * Like {@link #text(String)}, except that a key written with no value gives "" rather than {@code null}: for
     * mappings where writing a key at all asks for something, so an empty value is an error, not the default.
     */
    String writtenText(String name) {
        String text = text(name);
        return text == null && values.has(name) ? "" : text;
    }

    String string(String name, String fallback) {
        String text = text(name);
        return text == null ? fallback : text;
    }

    int integer(String name, int fallback, IntRule rule) {
        String text = text(name);
        return text == null ? fallback : rule.parse(key(name), text);
    }

    double decimal(String name, double fallback) {
        String text = text(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ConfigException(key(name), text, "is not a number", "write a decimal such as 0.45");
        }
    }

    boolean bool(String name, boolean fallback) {
        String text = text(name);
        if (text == null) {
            return fallback;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key(name), text, "is not a boolean", "use true or false");
        };
    }

    Duration duration(String name, Duration fallback) {
        String text = text(name);
        return text == null ? fallback : Durations.parse(key(name), text);
    }

    Duration duration(String name, Duration fallback, DurationRule rule) {
        String text = text(name);
        return text == null ? fallback : rule.parse(key(name), text);
    }

    /** A secret: its value is never quoted back, even when it is the wrong shape. */
    Secret secret(String name) {
        JsonNode child = field(name);
        if (child != null && !child.isValueNode()) {
            throw new ConfigException(
                    key(name), null, "is not a single value", "write the secret as one quoted string");
        }
        return Secret.ofNullable(child == null ? null : child.asText());
    }

    Path path(String name, Path fallback) {
        String text = text(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new ConfigException(key(name), text, "is not a file system path", "use a directory such as ./data");
        }
    }

    List<String> strings(String name, List<String> fallback) {
        JsonNode child = field(name);
        if (child == null) {
            return fallback;
        }
        if (!child.isArray()) {
            throw new ConfigException(
                    key(name), shown(child), "is not a list", "write [a, b] or one \"- item\" per line");
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < child.size(); i++) {
            if (!child.get(i).isValueNode()) {
                throw new ConfigException(
                        key(name) + "[" + i + "]", null, "is not a single value", "write one value per list item");
            }
            items.add(child.get(i).asText().trim());
        }
        return items;
    }

    /** Refuses any key under this node that no reader asked for, suggesting the near miss if there is one. */
    void rejectUnknown() {
        for (Iterator<String> names = values.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.containsKey(name)) {
                throw Suggestions.unknownKey(path, name, known.keySet());
            }
        }
    }

    /** Every key read under this node, sections expanded: what the documentation must cover. */
    Stream<String> knownKeys() {
        return known.entrySet().stream()
                .flatMap(entry -> entry.getValue() == null
                        ? Stream.of(key(entry.getKey()))
                        : entry.getValue().knownKeys());
    }

    private JsonNode field(String name) {
        known.putIfAbsent(name, null);
        JsonNode child = values.get(name);
        return child == null || child.isNull() || child.isMissingNode() ? null : child;
    }

    private ObjectNode mapping(String name, JsonNode child) {
        if (!child.isObject()) {
            throw new ConfigException(
                    key(name),
                    shown(child),
                    "is not a mapping",
                    "write the keys of " + key(name) + " indented on the lines below it");
        }
        return (ObjectNode) child;
    }

    private static String shown(JsonNode node) {
        return node.isValueNode() ? node.asText() : null;
    }
}
