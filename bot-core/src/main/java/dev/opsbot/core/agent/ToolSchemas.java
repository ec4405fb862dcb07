package dev.opsbot.core.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.opsbot.core.tool.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tool's JSON-schema parameters (as tools declare them) in LangChain4j's schema types, for any provider. */
final class ToolSchemas {
    private ToolSchemas() {}

    static ToolSpecification specification(ToolSpec spec) {
        return ToolSpecification.builder()
                .name(wireName(spec.name()))
                .description(spec.modelDescription())
                .parameters(object(spec.parameters()))
                .build();
    }

    /**
     * Tool names as the model sees them. Providers allow {@code [a-zA-Z0-9_-]} only (Bedrock, OpenAI), so the dot
     * between domain and verb becomes two underscores, which no tool name contains.
     */
    static String wireName(String toolName) {
        return toolName.replace(".", "__");
    }

    static String toolName(String wireName) {
        return wireName.replace("__", ".");
    }

    static JsonObjectSchema object(JsonNode schema) {
        Map<String, JsonSchemaElement> properties = new LinkedHashMap<>();
        schema.path("properties").properties().forEach(p -> properties.put(p.getKey(), element(p.getValue())));
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        JsonObjectSchema.Builder builder = JsonObjectSchema.builder().addProperties(properties);
        if (!required.isEmpty()) {
            builder.required(required);
        }
        if (schema.hasNonNull("description")) {
            builder.description(schema.get("description").asText());
        }
        return builder.build();
    }

    private static JsonSchemaElement element(JsonNode schema) {
        String description =
                schema.hasNonNull("description") ? schema.get("description").asText() : null;
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asText()));
            return JsonEnumSchema.builder()
                    .enumValues(values)
                    .description(description)
                    .build();
        }
        return switch (schema.path("type").asText("string")) {
            case "integer" ->
                JsonIntegerSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "boolean" ->
                JsonBooleanSchema.builder().description(description).build();
            case "array" ->
                JsonArraySchema.builder()
                        .items(element(schema.path("items")))
                        .description(description)
                        .build();
            case "object" -> object(schema);
            default -> JsonStringSchema.builder().description(description).build();
        };
    }
}
