package dev.opsbot.core.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read tools as the model sees them: one tool per source ({@code kubernetes__read}) whose description lists
 * the source's reads as signatures, instead of one full JSON schema per read. Every model call carries every offered
 * tool; twelve Kubernetes schemas cost ~1,750 tokens a call, the catalog a fifth of that, and a model fills in
 * {@code {"tool": "pod_logs", "arguments": {...}}} as reliably. Each read still checks its own arguments and answers
 * a mistake with an error the model can correct.
 */
final class ToolCatalog {
    static final String SUFFIX = "__read";

    private ToolCatalog() {}

    /** One specification per source, for the offered tools, in the order they came. */
    static List<ToolSpecification> specifications(Map<String, Tool> offered) {
        Map<String, List<ToolSpec>> byDomain = new LinkedHashMap<>();
        offered.values().forEach(t -> byDomain.computeIfAbsent(t.spec().domain(), d -> new ArrayList<>())
                .add(t.spec()));
        List<ToolSpecification> specs = new ArrayList<>();
        byDomain.forEach((domain, tools) -> specs.add(specification(domain, tools)));
        return specs;
    }

    private static ToolSpecification specification(String domain, List<ToolSpec> tools) {
        StringBuilder description = new StringBuilder("Read from ")
                .append(domain)
                .append(" as the person who asked. tool is one of (? marks optional arguments):");
        List<String> names = new ArrayList<>();
        for (ToolSpec tool : tools) {
            String name = tool.name().substring(domain.length() + 1);
            names.add(name);
            description
                    .append("\n- ")
                    .append(signature(name, tool.parameters()))
                    .append(": ")
                    .append(tool.humanDescription());
        }
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ObjectNode tool = properties.putObject("tool").put("type", "string");
        names.forEach(tool.putArray("enum")::add);
        properties.putObject("arguments").put("type", "object").put("description", "the read's arguments");
        schema.putArray("required").add("tool");
        return ToolSpecification.builder()
                .name(domain + SUFFIX)
                .description(description.toString())
                .parameters(ToolSchemas.object(schema))
                .build();
    }

    /** {@code pod_logs(namespace?, pod, previous?: bool, tailLines?: int 1-200)}. */
    static String signature(String name, JsonNode parameters) {
        Set<String> required = new HashSet<>();
        parameters.path("required").forEach(r -> required.add(r.asText()));
        List<String> args = new ArrayList<>();
        parameters.path("properties").properties().forEach(p -> {
            StringBuilder arg = new StringBuilder(p.getKey());
            if (!required.contains(p.getKey())) {
                arg.append('?');
            }
            String type = type(p.getValue());
            if (!type.isEmpty()) {
                arg.append(": ").append(type);
            }
            args.add(arg.toString());
        });
        return name + "(" + String.join(", ", args) + ")";
    }

    private static String type(JsonNode schema) {
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asText()));
            return String.join("|", values);
        }
        String type = schema.path("type").asText("string");
        String range = schema.has("minimum") && schema.has("maximum")
                ? " " + schema.get("minimum").asText() + "-"
                        + schema.get("maximum").asText()
                : "";
        return switch (type) {
            case "string" -> "";
            case "integer" -> "int" + range;
            case "boolean" -> "bool";
            case "array" -> type(schema.path("items")).isEmpty() ? "list" : "list of " + type(schema.path("items"));
            default -> type + range;
        };
    }

    /**
     * The read a catalog call names, as {@code domain.tool} with its arguments; or null when {@code wireName} is not
     * a catalog tool.
     */
    static Call resolve(String wireName, JsonNode arguments) {
        if (!wireName.endsWith(SUFFIX)) {
            return null;
        }
        String domain = wireName.substring(0, wireName.length() - SUFFIX.length());
        String tool = arguments == null ? "" : arguments.path("tool").asText("");
        JsonNode args = arguments == null ? null : arguments.get("arguments");
        return new Call(
                domain + "." + tool, args == null || args.isNull() ? JsonNodeFactory.instance.objectNode() : args);
    }

    record Call(String toolName, JsonNode arguments) {}
}
