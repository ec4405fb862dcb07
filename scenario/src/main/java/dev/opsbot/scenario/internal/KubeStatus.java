package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

/** Kubernetes {@code Status} failure responses, as the API server writes them. */
final class KubeStatus {
    private KubeStatus() {}

    static MockResponse failure(int code, String reason, String message) {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason);
        status.put("code", code);
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(status.toString());
    }

    static MockResponse badRequest(String message) {
        return failure(400, "BadRequest", message);
    }

    static MockResponse notFound(String message) {
        return failure(404, "NotFound", message);
    }
}
