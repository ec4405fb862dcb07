package dev.opsbot.tools.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolSpec;
import dev.opsbot.tools.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Building an action's arguments from a proposal, and refusing arguments its schema does not name. */
public final class ActionArguments {
    private ActionArguments() {}

    /** {@code namespace} and {@code name} (from a {@code Kind/namespace/name} target), then the parameters. */
    public static ObjectNode namespaced(String source, String namespace, String name, Map<String, Object> params) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("namespace", namespace);
        fields.put("name", name);
        return of(source, fields, params);
    }

    /** {@code fields} (from the target) and then the proposal's parameters, which may not overwrite them. */
    public static ObjectNode of(String source, Map<String, String> fields, Map<String, Object> params) {
        ObjectNode arguments = Json.object();
        fields.forEach(arguments::put);
        params.forEach((key, value) -> {
            if (arguments.has(key)) {
                throw new SourceFailure(
                        source,
                        SourceFailure.Kind.BAD_REQUEST,
                        "parameter '" + key + "' contradicts the target: the target names it",
                        null);
            }
            arguments.set(key, Json.mapper().valueToTree(value));
        });
        return arguments;
    }

    /**
     * A write takes exactly the arguments it documents: an unknown one is a mistake (a misspelt parameter would
     * otherwise be ignored and the action run with a default), so it is refused.
     */
    public static void onlyKnown(ToolSpec spec, JsonNode arguments) {
        if (arguments == null || !arguments.isObject()) {
            throw new SourceFailure(
                    spec.domain(), SourceFailure.Kind.BAD_REQUEST, spec.name() + " takes a JSON object", null);
        }
        JsonNode properties = spec.parameters().path("properties");
        List<String> unknown = new ArrayList<>();
        arguments.fieldNames().forEachRemaining(name -> {
            if (!properties.has(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            List<String> known = new ArrayList<>();
            properties.fieldNames().forEachRemaining(known::add);
            throw new SourceFailure(
                    spec.domain(),
                    SourceFailure.Kind.BAD_REQUEST,
                    spec.name() + " does not take " + String.join(", ", unknown) + " (it takes "
                            + String.join(", ", known) + ")",
                    null);
        }
    }
}
