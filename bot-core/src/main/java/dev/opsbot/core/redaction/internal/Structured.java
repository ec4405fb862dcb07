package dev.opsbot.core.redaction.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Redaction of structured values (JSON trees, maps and lists as SDKs and Kubernetes clients return them), where keys
 * are known exactly: every value of a Kubernetes Secret's {@code data}/{@code stringData}; the value of a field whose
 * key names a secret ({@code password}, {@code client_secret}, {@code env.DB_PASSWORD}); every other text through the
 * text redactor. Inputs are never modified.
 *
 * <p>Unlike free text, a field named {@code password} is redacted whatever its entropy: the key is certain here.
 */
public final class Structured {
    private final UnaryOperator<String> text;
    private final BinaryOperator<String> placeholder;

    /**
     * @param text redacts free text
     * @param placeholder the placeholder for (type, secret)
     */
    public Structured(UnaryOperator<String> text, BinaryOperator<String> placeholder) {
        this.text = text;
        this.placeholder = placeholder;
    }

    public JsonNode redact(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return changed(node, text.apply(node.asText()));
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(item -> copy.add(redact(item)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        boolean secret = "Secret".equals(node.path("kind").asText());
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (secret && isData(key) && value.isObject()) {
                copy.set(key, secretValues(value));
            } else if (value.isTextual()) {
                copy.set(key, changed(value, field(key, value.asText())));
            } else {
                copy.set(key, redact(value));
            }
        }
        return copy;
    }

    /** Maps, lists and texts, recursively; anything else is returned as it is. */
    public Object redact(Object value) {
        if (value instanceof String string) {
            return text.apply(string);
        }
        if (value instanceof JsonNode node) {
            return redact(node);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(redact(item)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            boolean secret = "Secret".equals(map.get("kind"));
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, entry(secret, String.valueOf(key), item)));
            return copy;
        }
        return value;
    }

    /** The value of field {@code key}: a placeholder when the key names a secret and the value is one. */
    public String field(String key, String value) {
        if (value == null) {
            return null;
        }
        String type = KeyNames.typeOf(key);
        boolean secret = type != null
                && (type.equals("password")
                        ? !Values.isReference(value)
                        : !Values.isPlaceholder(value) && Entropy.looksRandom(value));
        if (secret) {
            return placeholder.apply(type, value);
        }
        return text.apply(value);
    }

    private Object entry(boolean secret, String key, Object item) {
        if (secret && isData(key) && item instanceof Map<?, ?> data) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            data.forEach(
                    (k, v) -> copy.put(k, v == null ? null : placeholder.apply("kubernetes-secret", v.toString())));
            return copy;
        }
        return item instanceof String string ? field(key, string) : redact(item);
    }

    private JsonNode secretValues(JsonNode data) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> entry : data.properties()) {
            JsonNode value = entry.getValue();
            copy.set(
                    entry.getKey(),
                    value.isValueNode() && !value.isNull()
                            ? JsonNodeFactory.instance.textNode(placeholder.apply("kubernetes-secret", value.asText()))
                            : value);
        }
        return copy;
    }

    private static boolean isData(String key) {
        return key.equals("data") || key.equals("stringData");
    }

    private static JsonNode changed(JsonNode original, String text) {
        return text.equals(original.asText()) ? original : JsonNodeFactory.instance.textNode(text);
    }
}
