package dev.opsbot.tools.kubernetes.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON schema of a tool's arguments: an object of a few described properties. */
public final class Schema {
    private final ObjectNode properties = JsonOut.object();
    private final ArrayNode required = JsonOut.array();

    private Schema() {}

    public static Schema object() {
        return new Schema();
    }

    /** The {@code namespace} argument every namespaced tool takes, required. */
    public Schema namespace() {
        return string("namespace", "Kubernetes namespace, e.g. shop").require("namespace");
    }

    public Schema string(String name, String description) {
        properties.putObject(name).put("type", "string").put("description", description);
        return this;
    }

    public Schema integer(String name, String description, int minimum, int maximum) {
        properties
                .putObject(name)
                .put("type", "integer")
                .put("description", description)
                .put("minimum", minimum)
                .put("maximum", maximum);
        return this;
    }

    public Schema bool(String name, String description) {
        properties.putObject(name).put("type", "boolean").put("description", description);
        return this;
    }

    public Schema require(String name) {
        required.add(name);
        return this;
    }

    public JsonNode build() {
        ObjectNode schema = JsonOut.object().put("type", "object");
        schema.set("properties", properties.deepCopy());
        if (!required.isEmpty()) {
            schema.set("required", required.deepCopy());
        }
        schema.put("additionalProperties", false);
        return schema;
    }
}
