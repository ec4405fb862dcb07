package dev.opsbot.tools.cloudwatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.core.identity.Principal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The wire formats CloudWatch speaks, for WireMock: Smithy RPC v2 CBOR for metrics (CloudWatch 2.54), JSON 1.1 for
 * Logs. Bodies are built and read with Jackson's CBOR mapper.
 */
final class AwsStubs {
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String ALICE_KEY = "AKIAALICEEXAMPLE";
    static final String GET_METRIC_DATA = "/service/GraniteServiceVersion20100801/operation/GetMetricData";
    static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private AwsStubs() {}

    /** A connection to WireMock for both services, signing as alice with static keys. */
    static CloudWatchConnection connection(String baseUrl, List<Principal> actors) {
        URI endpoint = URI.create(baseUrl);
        return new CloudWatchConnection(Region.EU_WEST_1, endpoint, endpoint, context -> {
            actors.add(context.actor());
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(ALICE_KEY, SECRET_KEY));
        });
    }

    static CloudWatchConnection connection(String baseUrl) {
        return connection(baseUrl, new ArrayList<>());
    }

    static MappingBuilder getMetricData() {
        return post(urlEqualTo(GET_METRIC_DATA)).withHeader("smithy-protocol", equalTo("rpc-v2-cbor"));
    }

    static ResponseDefinitionBuilder cbor(int status, Object body) {
        try {
            return aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/cbor")
                    .withHeader("smithy-protocol", "rpc-v2-cbor")
                    .withBody(CBOR.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code GetMetricData} answer of one result; timestamps as epoch seconds, as CloudWatch sends them. */
    static Map<String, Object> metricData(String id, String label, List<Instant> at, List<Double> values) {
        return Map.of("MetricDataResults", List.of(result(id, label, at, values)));
    }

    static Map<String, Object> result(String id, String label, List<Instant> at, List<Double> values) {
        return Map.of(
                "Id",
                id,
                "Label",
                label,
                "Timestamps",
                at.stream().map(Instant::getEpochSecond).toList(),
                "Values",
                values,
                "StatusCode",
                "Complete");
    }

    /** An RPC v2 error: the shape id in {@code __type}, and the query-compatible code CloudWatch also sends. */
    static ResponseDefinitionBuilder cborError(int status, String code) {
        return cbor(status, Map.of("__type", "com.amazonaws.cloudwatch#" + code, "message", code + " for test"))
                .withHeader("x-amzn-query-error", code + ";Sender");
    }

    static MappingBuilder logs(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328." + operation));
    }

    static ResponseDefinitionBuilder json11(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(body);
    }

    static JsonNode cborBody(LoggedRequest request) {
        try {
            return CBOR.readTree(request.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode jsonBody(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
