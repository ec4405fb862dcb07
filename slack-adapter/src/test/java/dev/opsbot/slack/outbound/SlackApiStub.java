package dev.opsbot.slack.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** WireMock standing in for Slack's Web API: stubs by method name, and the form fields Bolt sent. */
final class SlackApiStub {
    static final String TOKEN = "xoxb-test-0000-secret";

    private SlackApiStub() {}

    static SlackWebApi api(WireMockServer wireMock) {
        return api(wireMock, Duration.ofSeconds(5));
    }

    static SlackWebApi api(WireMockServer wireMock, Duration timeout) {
        return SlackClients.webApi(TOKEN, wireMock.baseUrl() + "/api/", timeout);
    }

    static void stub(WireMockServer wireMock, String method, ResponseDefinitionBuilder response) {
        wireMock.stubFor(post(urlPathEqualTo("/api/" + method)).willReturn(response));
    }

    static ResponseDefinitionBuilder ok(String json) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(json);
    }

    static List<LoggedRequest> requests(WireMockServer wireMock, String method) {
        return wireMock.findAll(postRequestedFor(urlPathEqualTo("/api/" + method)));
    }

    /** The form fields of a Web API request, decoded. */
    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            fields.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return fields;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
