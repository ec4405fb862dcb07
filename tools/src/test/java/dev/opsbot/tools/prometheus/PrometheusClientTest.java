package dev.opsbot.tools.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.tools.prometheus.MetricsQueryException.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP edge: what Prometheus answers, and every way it fails, as the caller sees it. Never the token. */
class PrometheusClientTest {
    private static final String TOKEN = "s3cr3t-token-of-alice";
    private static final Instant START = Instant.parse("2026-03-10T02:00:00Z");
    private static final Instant END = Instant.parse("2026-03-10T02:02:00Z");

    @RegisterExtension
    static WireMockExtension prometheus = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private PrometheusClient client() {
        return PrometheusClient.builder(URI.create(prometheus.baseUrl()))
                .bearerToken(TOKEN)
                .timeout(Duration.ofSeconds(2))
                .build();
    }

    private MetricsQueryException fails(PrometheusClient client, String path) {
        MetricsQueryException error = catchThrowableOfType(MetricsQueryException.class, () -> {
            if (path.equals("/api/v1/query")) {
                client.instant("up", START);
            } else {
                client.range("up", START, END, Duration.ofMinutes(1));
            }
        });
        assertThat(error).as("the query fails").isNotNull();
        assertThat(error.getMessage()).doesNotContain(TOKEN);
        return error;
    }

    private MetricsQueryException answeredWith(int status, String body) {
        prometheus.stubFor(
                post("/api/v1/query").willReturn(aResponse().withStatus(status).withBody(body)));
        return fails(client(), "/api/v1/query");
    }

    @Test
    void aRangeQueryIsPostedAsAFormAndItsMatrixDecoded() {
        prometheus.stubFor(post("/api/v1/query_range").willReturn(okJson("""
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"service":"checkout","code":"500"},"values":[[1773108000,"0.5"],[1773108060.5,"NaN"]]},
                  {"metric":{"service":"cart","code":"500"},"values":[[1773108000,"+Inf"],[1773108060,"-Inf"]]}
                ]}}""")));

        List<Series> result =
                client().range("sum by (service, code) (rate(x[5m]))", START, END, Duration.ofSeconds(60));

        assertThat(result)
                .containsExactly(
                        new Series(
                                Map.of("code", "500", "service", "cart"),
                                List.of(
                                        new Point(START, Double.POSITIVE_INFINITY),
                                        new Point(START.plusSeconds(60), Double.NEGATIVE_INFINITY))),
                        new Series(
                                Map.of("code", "500", "service", "checkout"),
                                List.of(new Point(START, 0.5), new Point(START.plusMillis(60_500), Double.NaN))));
        prometheus.verify(postRequestedFor(urlEqualTo("/api/v1/query_range"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withFormParam("query", equalTo("sum by (service, code) (rate(x[5m]))"))
                .withFormParam("start", equalTo("1773108000.000"))
                .withFormParam("end", equalTo("1773108120.000"))
                .withFormParam("step", equalTo("60.000"))
                .withFormParam("timeout", equalTo("2.000")));
    }

    @Test
    void anInstantQueryDecodesAVectorAndAScalar() {
        prometheus.stubFor(post("/api/v1/query").willReturn(okJson("""
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"__name__":"up","job":"a"},"value":[1773108000.25,"1"]}]}}""")));

        assertThat(client().instant("up", START.plusMillis(250)))
                .containsExactly(
                        new Series(Map.of("__name__", "up", "job", "a"), List.of(new Point(START.plusMillis(250), 1))));
        prometheus.verify(
                postRequestedFor(urlEqualTo("/api/v1/query")).withFormParam("time", equalTo("1773108000.250")));

        prometheus.stubFor(post("/api/v1/query")
                .willReturn(okJson("{\"status\":\"success\",\"data\":{\"result\":[1773108000,\"42\"],"
                        + "\"resultType\":\"scalar\"}}")));

        assertThat(client().instant("42", START)).containsExactly(new Series(Map.of(), List.of(new Point(START, 42))));
    }

    @Test
    void withoutATokenNoAuthorizationHeaderIsSent() {
        prometheus.stubFor(post("/api/v1/query")
                .willReturn(okJson("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")));

        PrometheusClient anonymous =
                PrometheusClient.builder(URI.create(prometheus.baseUrl())).build();

        assertThat(anonymous.instant("up", START)).isEmpty();
        prometheus.verify(postRequestedFor(urlEqualTo("/api/v1/query")).withHeader("Authorization", absent()));
    }

    @Test
    void aBaseUrlWithAPathPrefixKeepsIt() {
        prometheus.stubFor(post("/monitoring/prometheus/api/v1/query")
                .willReturn(okJson("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")));

        PrometheusClient behindAProxy = PrometheusClient.builder(
                        URI.create(prometheus.baseUrl() + "/monitoring/prometheus"))
                .build();

        assertThat(behindAProxy.instant("up", START)).isEmpty();
    }

    @Test
    void forbiddenSaysThisIdentityLacksPermission() {
        MetricsQueryException error =
                answeredWith(403, "{\"status\":\"error\",\"error\":\"denied for " + TOKEN + "\"}");

        assertThat(error.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(error.retriable()).isFalse();
        assertThat(error).hasMessage("this identity lacks permission to query prometheus (HTTP 403)");
    }

    @Test
    void unauthorizedIsForbiddenToo() {
        MetricsQueryException error = answeredWith(401, "");

        assertThat(error.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(error).hasMessage("prometheus did not accept this identity's credentials (HTTP 401)");
    }

    @Test
    void aServerErrorIsUnavailableAndRetriable() {
        MetricsQueryException error = answeredWith(500, "<html>proxy error</html>");

        assertThat(error.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(error.retriable()).isTrue();
        assertThat(error.getMessage())
                .startsWith("prometheus at http://localhost:")
                .endsWith(" failed to answer (HTTP 500)")
                .doesNotContain("proxy error");
    }

    @Test
    void aBadQueryCarriesPrometheusOwnExplanation() {
        MetricsQueryException error = answeredWith(400, """
                {"status":"error","errorType":"bad_data",\
                "error":"invalid parameter \\"query\\": 1:18: parse error: unclosed left parenthesis"}""");

        assertThat(error.kind()).isEqualTo(Kind.BAD_QUERY);
        assertThat(error.retriable()).isFalse();
        assertThat(error)
                .hasMessage("prometheus rejected the query: invalid parameter \"query\": 1:18: parse error: unclosed"
                        + " left parenthesis");
    }

    @Test
    void anExecutionErrorIsABadQueryToo() {
        MetricsQueryException error = answeredWith(422, """
                {"status":"error","errorType":"execution","error":"many-to-many matching not allowed"}""");

        assertThat(error.kind()).isEqualTo(Kind.BAD_QUERY);
        assertThat(error).hasMessage("prometheus rejected the query: many-to-many matching not allowed");
    }

    @Test
    void prometheusOwnQueryTimeoutIsATimeout() {
        MetricsQueryException error = answeredWith(503, """
                {"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"}""");

        assertThat(error.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(error.retriable()).isTrue();
    }

    @Test
    void tooManyRequestsIsUnavailableAndRetriable() {
        MetricsQueryException error = answeredWith(429, "");

        assertThat(error.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(error.retriable()).isTrue();
    }

    @Test
    void aWrongBaseUrlIsNamed() {
        MetricsQueryException error = answeredWith(404, "404 page not found");

        assertThat(error.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(error.retriable()).isFalse();
        assertThat(error.getMessage()).endsWith(" answered HTTP 404 for /api/v1/query: is the base URL right?");
    }

    @Test
    void noAnswerWithinTheDeadlineIsATimeout() {
        prometheus.stubFor(post("/api/v1/query_range")
                .willReturn(okJson("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}")
                        .withFixedDelay(1_500)));
        PrometheusClient impatient = PrometheusClient.builder(URI.create(prometheus.baseUrl()))
                .timeout(Duration.ofMillis(500))
                .build();

        MetricsQueryException error = fails(impatient, "/api/v1/query_range");

        assertThat(error.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(error.retriable()).isTrue();
        assertThat(error).hasMessage("prometheus did not answer in 500 ms");
    }

    @Test
    void theDeadlineIsNamedInSeconds() {
        prometheus.stubFor(post("/api/v1/query")
                .willReturn(okJson("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
                        .withFixedDelay(1_500)));
        PrometheusClient client = PrometheusClient.builder(URI.create(prometheus.baseUrl()))
                .timeout(Duration.ofSeconds(1))
                .build();

        assertThat(fails(client, "/api/v1/query")).hasMessage("prometheus did not answer in 1 s");
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PrometheusClient nobodyHome = PrometheusClient.builder(URI.create("http://127.0.0.1:" + closedPort))
                .bearerToken(TOKEN)
                .build();

        MetricsQueryException error = fails(nobodyHome, "/api/v1/query");

        assertThat(error.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(error.retriable()).isTrue();
        assertThat(error)
                .hasMessage("cannot reach prometheus at http://127.0.0.1:" + closedPort + ": connection refused");
    }

    @Test
    void userInfoInTheBaseUrlNeverReachesAMessage() {
        prometheus.stubFor(post("/api/v1/query").willReturn(aResponse().withStatus(502)));
        PrometheusClient client = PrometheusClient.builder(
                        URI.create(prometheus.baseUrl().replace("http://", "http://admin:hunter2@")))
                .build();

        assertThat(fails(client, "/api/v1/query").getMessage())
                .doesNotContain("hunter2")
                .doesNotContain("admin");
    }

    @Test
    void moreSeriesThanTheLimitIsRefusedRatherThanCutShort() {
        prometheus.stubFor(post("/api/v1/query").willReturn(okJson("""
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"pod":"a"},"value":[1773108000,"1"]},
                  {"metric":{"pod":"b"},"value":[1773108000,"1"]},
                  {"metric":{"pod":"c"},"value":[1773108000,"1"]}]}}""")));
        PrometheusClient capped = PrometheusClient.builder(URI.create(prometheus.baseUrl()))
                .limits(new QueryLimits(2, 100))
                .build();

        MetricsQueryException error = fails(capped, "/api/v1/query");

        assertThat(error.kind()).isEqualTo(Kind.BAD_QUERY);
        assertThat(error.getMessage()).startsWith("the query returned more than 2 series (the limit)");
    }

    @Test
    void moreStepsThanThePointLimitIsRefusedBeforeAsking() {
        PrometheusClient capped = PrometheusClient.builder(URI.create(prometheus.baseUrl()))
                .limits(new QueryLimits(10, 100))
                .build();

        MetricsQueryException error = catchThrowableOfType(
                MetricsQueryException.class,
                () -> capped.range("up", START, START.plus(Duration.ofHours(1)), Duration.ofSeconds(15)));

        assertThat(error.kind()).isEqualTo(Kind.BAD_QUERY);
        assertThat(error)
                .hasMessage("the range query would return 241 points per series, more than the limit of 100:"
                        + " use a step of at least 37 s");
        prometheus.verify(0, postRequestedFor(urlEqualTo("/api/v1/query_range")));
    }

    @Test
    void morePointsThanTheLimitInAnAnswerIsRefused() {
        prometheus.stubFor(post("/api/v1/query").willReturn(okJson("""
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"pod":"a"},"values":[[1,"1"],[2,"2"],[3,"3"]]}]}}""")));
        PrometheusClient capped = PrometheusClient.builder(URI.create(prometheus.baseUrl()))
                .limits(new QueryLimits(10, 2))
                .build();

        assertThat(fails(capped, "/api/v1/query"))
                .hasMessageStartingWith("the query returned more than 2 points for one series (the limit)");
    }

    @Test
    void anAnswerThatIsNotAQueryResultIsUnavailable() {
        prometheus.stubFor(post("/api/v1/query").willReturn(okJson("{\"status\":\"success\",\"data\":[1,2]}")));

        MetricsQueryException error = fails(client(), "/api/v1/query");

        assertThat(error.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(error.getMessage()).contains("answered with something other than a query result");
    }
}
