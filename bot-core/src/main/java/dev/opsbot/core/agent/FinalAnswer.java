package dev.opsbot.core.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's structured way to finish: a tool it "calls" with the answer and its proposals. A tool call is the
 * one structured output every provider supports the same way (Bedrock Converse, OpenAI-compatible servers).
 */
final class FinalAnswer {
    static final String NAME = "answer.final_answer";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Parsed(String text, double confidence, List<ModelProposal> proposals) {}

    private FinalAnswer() {}

    static ToolSpec spec() {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties
                .putObject("answer")
                .put("type", "string")
                .put("description", "cause, evidence with times, what you could not check; mrkdwn, <= 15 lines");
        properties.putObject("confidence").put("type", "number").put("description", "0 to 1");
        ObjectNode proposal = properties
                .putObject("proposals")
                .put("type", "array")
                .put("description", "fixes from your list of actions, for a person to approve; may be empty")
                .putObject("items")
                .put("type", "object");
        ObjectNode p = proposal.putObject("properties");
        for (String field : List.of("action", "target", "reason")) {
            p.putObject(field).put("type", "string");
        }
        p.putObject("params").put("type", "object");
        proposal.putArray("required").add("action").add("target").add("reason");
        schema.putArray("required").add("answer");
        return new ToolSpec(
                NAME,
                "answer",
                "Your final answer: call it once, when done.",
                "the model's final answer",
                schema,
                Risk.READ);
    }

    /** Reads the arguments; throws {@link IllegalArgumentException} with words for the model when malformed. */
    static Parsed parse(String arguments) {
        JsonNode node;
        try {
            node = JSON.readTree(arguments == null ? "" : arguments);
        } catch (Exception e) {
            throw new IllegalArgumentException("the arguments were not valid JSON");
        }
        if (node == null
                || !node.path("answer").isTextual()
                || node.path("answer").asText().isBlank()) {
            throw new IllegalArgumentException("'answer' (a non-empty string) is required");
        }
        double confidence = node.path("confidence").isNumber()
                ? Math.max(0, Math.min(1, node.get("confidence").asDouble()))
                : Double.NaN;
        List<ModelProposal> proposals = new ArrayList<>();
        for (JsonNode p : node.path("proposals")) {
            if (!p.path("action").isTextual() || !p.path("target").isTextual()) {
                continue; // a half-formed proposal is dropped, the answer still stands
            }
            Map<String, Object> params = new LinkedHashMap<>();
            if (p.path("params").isObject()) {
                params.putAll(JSON.convertValue(p.get("params"), Map.class));
            }
            proposals.add(new ModelProposal(
                    p.get("action").asText(),
                    p.get("target").asText(),
                    params,
                    p.path("reason").asText("")));
        }
        return new Parsed(node.get("answer").asText(), confidence, proposals);
    }
}
