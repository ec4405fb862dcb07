package dev.opsbot.tools.kubernetes.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compact JSON for tool answers: absent and empty values are left out, and lists are capped with a
 * {@code truncated} flag and the {@code total}, so the model knows there was more without being sent it.
 */
public final class JsonOut {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonOut() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Puts {@code items} (at most {@code cap}) under {@code field}, with {@code total} and {@code truncated}. */
    public static <T> ObjectNode capped(
            ObjectNode into, String field, List<T> items, int cap, Function<T, ? extends JsonNode> render) {
        ArrayNode array = into.putArray(field);
        items.stream().limit(cap).map(render).forEach(array::add);
        into.put("total", items.size());
        into.put("truncated", items.size() > cap);
        return into;
    }

    public static ObjectNode put(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
        return node;
    }

    public static ObjectNode put(ObjectNode node, String field, Integer value) {
        if (value != null) {
            node.put(field, value);
        }
        return node;
    }

    public static ObjectNode put(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
        return node;
    }

    public static ObjectNode put(ObjectNode node, String field, Map<String, String> values) {
        if (values != null && !values.isEmpty()) {
            ObjectNode map = node.putObject(field);
            new java.util.TreeMap<>(values).forEach(map::put);
        }
        return node;
    }

    public static ObjectNode put(ObjectNode node, String field, Collection<String> values) {
        if (values != null && !values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
        return node;
    }
}
