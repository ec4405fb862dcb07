package dev.opsbot.core.redaction.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Copies of JSON trees with their texts changed. The input is never modified: it may be shared. */
public final class JsonValues {
    private JsonValues() {}

    /** A copy of {@code value} with every text value passed through {@code change}. */
    public static JsonNode mapText(JsonNode value, UnaryOperator<String> change) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            String text = value.asText();
            String changed = change.apply(text);
            return changed.equals(text) ? value : JsonNodeFactory.instance.textNode(changed);
        }
        if (value.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                copy.set(field.getKey(), mapText(field.getValue(), change));
            }
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(value.size());
            value.forEach(item -> copy.add(mapText(item, change)));
            return copy;
        }
        return value;
    }
}
