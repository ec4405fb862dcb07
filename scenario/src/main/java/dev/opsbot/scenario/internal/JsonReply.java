package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.UncheckedIOException;

/** An HTTP answer of the local Argo CD and GitHub endpoints: a status and a JSON body. */
record JsonReply(int status, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonReply ok(JsonNode body) {
        try {
            return new JsonReply(200, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonReply notFound(String message) {
        return new JsonReply(
                404,
                JsonNodeFactory.instance
                        .objectNode()
                        .put("error", message)
                        .put("message", message)
                        .put("code", 5)
                        .toString());
    }

    static JsonReply githubNotFound() {
        return new JsonReply(
                404,
                "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}");
    }
}
