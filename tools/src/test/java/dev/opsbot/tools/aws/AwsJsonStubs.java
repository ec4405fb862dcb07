package dev.opsbot.tools.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An AWS service speaking JSON 1.1, as WireMock serves it: {@code POST /} with {@code X-Amz-Target:
 * <service>.<operation>} (Cost Explorer, Config, CloudWatch Logs), bodies in {@code application/x-amz-json-1.1}.
 */
public final class AwsJsonStubs {
    public static final ObjectMapper JSON = new ObjectMapper();

    private AwsJsonStubs() {}

    /** A stub server on a free port, for {@code @RegisterExtension}. */
    public static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort())
                .build();
    }

    /** A call of {@code target}, such as {@code AWSInsightsIndexService.GetCostAndUsage}. */
    public static MappingBuilder target(String target) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    /** The calls of {@code target} the stub received. */
    public static List<LoggedRequest> sent(WireMockExtension aws, String target) {
        return aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target)));
    }

    /** An answer: {@code body} as it is when a string, else written as JSON. */
    public static ResponseDefinitionBuilder json11(int status, Object body) {
        try {
            return aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(body instanceof String text ? text : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An error answer of {@code code}, its message "{code} for test". */
    public static ResponseDefinitionBuilder error(int status, String code) {
        return json11(status, "{\"__type\": \"" + code + "\", \"message\": \"" + code + " for test\"}");
    }

    public static JsonNode body(LoggedRequest request) {
        return json(request.getBodyAsString());
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
