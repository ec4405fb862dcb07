package dev.opsbot.app.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * An OpenAI-compatible chat-completions endpoint in WireMock that answers a fixed script, one step per request:
 * tool calls, then a final answer. What it received stays in WireMock's journal for the test to read.
 */
final class ScriptedOpenAi {
    static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private int steps;

    ScriptedOpenAi(WireMockServer server) {
        this.server = server;
    }

    /** The next answer calls {@code tool} (its wire name) with {@code arguments} (JSON). */
    ScriptedOpenAi thenCall(String tool, String arguments) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        message.putNull("content");
        ArrayNode calls = message.putArray("tool_calls");
        calls.addObject()
                .put("id", "call_" + (steps + 1))
                .put("type", "function")
                .putObject("function")
                .put("name", tool)
                .put("arguments", arguments);
        return then(message, "tool_calls");
    }

    ScriptedOpenAi thenAnswer(String answerJson) {
        return thenCall("answer__final_answer", answerJson);
    }

    ScriptedOpenAi thenStatus(int status) {
        String state = state(steps);
        server.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("script")
                .whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(status).withBody("{\"error\":{\"message\":\"overloaded\"}}"))
                .willSetStateTo(state(++steps)));
        return this;
    }

    private ScriptedOpenAi then(ObjectNode message, String finishReason) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-" + steps)
                .put("object", "chat.completion")
                .put("created", 1_773_111_000L)
                .put("model", "gpt-test");
        body.putArray("choices")
                .addObject()
                .put("index", 0)
                .put("finish_reason", finishReason)
                .set("message", message);
        body.putObject("usage")
                .put("prompt_tokens", 1_500 + 500 * steps)
                .put("completion_tokens", 60)
                .put("total_tokens", 1_560 + 500 * steps);
        String state = state(steps);
        server.stubFor(post(urlPathEqualTo(PATH))
                .inScenario("script")
                .whenScenarioStateIs(state)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(body.toString()))
                .willSetStateTo(state(++steps)));
        return this;
    }

    private static String state(int step) {
        return step == 0 ? Scenario.STARTED : "step-" + step;
    }

    List<LoggedRequest> received() {
        return server.findAll(postRequestedFor(urlPathEqualTo(PATH)));
    }
}
