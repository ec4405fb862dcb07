package dev.opsbot.app.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a request body as a JSON object, failing with a message that says what is wrong and where. */
public final class JsonBody {
    private final JsonNode node;

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    public static JsonBody parse(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("request body is empty; expected a JSON object");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadRequestException("malformed JSON" + where + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadRequestException(
                    "expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
        }
        return new JsonBody(node);
    }

    /** A string field that must be present. */
    public String required(String field) {
        String value = optional(field);
        if (value == null) {
            throw new BadRequestException("field '" + field + "' is required");
        }
        return value;
    }

    /** A string field that may be absent or null; any other type is an error. */
    public String optional(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequestException("field '" + field + "' must be a string, got " + value.getNodeType());
        }
        return value.asText();
    }

    /** Raised for a request that is not well formed; answered with 400. */
    public static final class BadRequestException extends dev.opsbot.core.OpsbotException {
        public BadRequestException(String message) {
            super(message);
        }
    }
}
