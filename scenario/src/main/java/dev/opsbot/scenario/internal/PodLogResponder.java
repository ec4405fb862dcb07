package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.scenario.LogKey;
import dev.opsbot.scenario.Scenario;
import io.fabric8.mockwebserver.crud.CrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers {@code GET /api/v1/namespaces/{ns}/pods/{pod}/log} from the scenario's log files, checking the pod and the
 * container against the pod as the mock API server currently has it. The errors are the API server's.
 */
final class PodLogResponder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scenario scenario;
    private final CrudDispatcher store;

    PodLogResponder(Scenario scenario, CrudDispatcher store) {
        this.scenario = scenario;
        this.store = store;
    }

    MockResponse respond(String namespace, String pod, String rawQuery) {
        MockResponse stored = store.handleGet("/api/v1/namespaces/" + namespace + "/pods/" + pod);
        if (stored.code() != 200) {
            return KubeStatus.notFound("pods \"" + pod + "\" not found");
        }
        LogRequest request;
        try {
            request = LogRequest.parse(rawQuery, scenario.now());
        } catch (IllegalArgumentException e) {
            return KubeStatus.badRequest(e.getMessage());
        }
        JsonNode spec = spec(stored);
        List<String> regular = names(spec, "containers");
        String container = request.container();
        if (container == null || container.isEmpty()) {
            if (regular.size() != 1) {
                return KubeStatus.badRequest(
                        "a container name must be specified for pod " + pod + ", choose one of: " + regular);
            }
            container = regular.get(0);
        } else if (!regular.contains(container)
                && !names(spec, "initContainers").contains(container)
                && !names(spec, "ephemeralContainers").contains(container)) {
            return KubeStatus.badRequest("container " + container + " is not valid for pod " + pod);
        }
        String text = scenario.log(new LogKey(namespace, pod, container, request.previous()))
                .orElse(null);
        if (text == null && request.previous()) {
            return KubeStatus.badRequest(
                    "previous terminated container \"" + container + "\" in pod \"" + pod + "\" not found");
        }
        return new MockResponse()
                .setResponseCode(200)
                .setHeader("Content-Type", "text/plain")
                .setBody(LogText.cut(text == null ? "" : text, request));
    }

    private static JsonNode spec(MockResponse stored) {
        try {
            return JSON.readTree(stored.getBody().getBytes()).path("spec");
        } catch (IOException e) {
            throw new IllegalStateException("the mock API server holds an unreadable pod", e);
        }
    }

    private static List<String> names(JsonNode spec, String list) {
        List<String> names = new ArrayList<>();
        spec.path(list).forEach(container -> names.add(container.path("name").asText()));
        return names;
    }
}
