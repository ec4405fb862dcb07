package dev.opsbot.core.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a tool is, for the model and for people.
 *
 * @param name unique, {@code domain.verb_noun} style ({@code kubernetes.list_pods}); the model calls it by this name
 * @param domain the source it talks to ({@code kubernetes}, {@code prometheus})
 * @param modelDescription what the model needs to choose and call it well
 * @param humanDescription one line for help texts and audit records
 * @param parameters JSON schema of the arguments object
 * @param risk whether the call can change anything
 */
public record ToolSpec(
        String name, String domain, String modelDescription, String humanDescription, JsonNode parameters, Risk risk) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*\\.[a-z][a-z0-9_]*");

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name + "' must look like domain.verb_noun");
        }
        Objects.requireNonNull(domain, "domain");
        if (!name.startsWith(domain + ".")) {
            throw new IllegalArgumentException("tool name '" + name + "' must start with its domain '" + domain + "'");
        }
        Objects.requireNonNull(modelDescription, "modelDescription");
        Objects.requireNonNull(humanDescription, "humanDescription");
        Objects.requireNonNull(parameters, "parameters");
        if (!parameters.path("type").asText().equals("object")) {
            throw new IllegalArgumentException("tool '" + name + "' parameters must be a JSON schema of type object");
        }
        Objects.requireNonNull(risk, "risk");
    }
}
