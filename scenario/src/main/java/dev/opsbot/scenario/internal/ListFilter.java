package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;

/** Applies a field selector to a list answer of the CRUD store. */
final class ListFilter {
    private static final ObjectMapper JSON = new ObjectMapper();

    MockResponse filter(MockResponse list, String fieldSelector) {
        if (list.code() != 200 || list.getBody() == null) {
            return list;
        }
        FieldSelector selector;
        try {
            selector = FieldSelector.parse(fieldSelector);
        } catch (IllegalArgumentException e) {
            return KubeStatus.badRequest(e.getMessage());
        }
        try {
            JsonNode body = JSON.readTree(list.getBody().getBytes());
            if (!body.path("items").isArray()) {
                return list;
            }
            ArrayNode kept = JSON.createArrayNode();
            body.get("items").forEach(item -> {
                if (selector.matches(item)) {
                    kept.add(item);
                }
            });
            ((ObjectNode) body).set("items", kept);
            return new MockResponse().setResponseCode(200).setBody(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("the mock API server answered an unreadable list", e);
        }
    }
}
