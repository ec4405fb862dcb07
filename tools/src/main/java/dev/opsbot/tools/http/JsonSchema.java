package dev.opsbot.tools.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds the JSON schema of a tool's arguments: an object of a few typed, described properties. */
public final class JsonSchema {
    private final ObjectNode properties = Json.object();
    private final ArrayNode required = Json.array();

    private JsonSchema() {}

    public static JsonSchema object() {
        return new JsonSchema();
    }

    public JsonSchema string(String name, String description) {
        property(name, "string", description);
        return this;
    }

    public JsonSchema integer(String name, String description, int minimum, int maximum) {
        property(name, "integer", description).put("minimum", minimum).put("maximum", maximum);
        return this;
    }

    public JsonSchema bool(String name, String description) {
        property(name, "boolean", description);
        return this;
    }

    public JsonSchema oneOf(String name, String description, List<String> values) {
        ArrayNode allowed = property(name, "string", description).putArray("enum");
        values.forEach(allowed::add);
        return this;
    }

    public JsonSchema require(String... names) {
        for (String name : names) {
            required.add(name);
        }
        return this;
    }

    public JsonNode build() {
        ObjectNode schema = Json.object().put("type", "object");
        schema.set("properties", properties.deepCopy());
        if (!required.isEmpty()) {
            schema.set("required", required.deepCopy());
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private ObjectNode property(String name, String type, String description) {
        return properties.putObject(name).put("type", type).put("description", description);
    }
}
