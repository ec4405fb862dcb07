package dev.opsbot.tools.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.tools.prometheus.MetricsQueryException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Translates what went wrong talking to Prometheus into {@link MetricsQueryException}s. Messages quote Prometheus'
 * own {@code error} field (it names the problem in the query) but never the raw body, which a proxy may fill with
 * anything, and never a credential.
 */
final class PrometheusErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prometheus;
    private final Duration timeout;

    /**
     * @param prometheus how messages name the server: its base URL without credentials or query
     */
    PrometheusErrors(String prometheus, Duration timeout) {
        this.prometheus = prometheus;
        this.timeout = timeout;
    }

    MetricsQueryException forStatus(int status, String path, byte[] body) {
        ErrorBody error = ErrorBody.parse(body);
        return switch (status) {
            case 401 ->
                new MetricsQueryException(
                        Kind.FORBIDDEN, "prometheus did not accept this identity's credentials (HTTP 401)");
            case 403 ->
                new MetricsQueryException(
                        Kind.FORBIDDEN, "this identity lacks permission to query prometheus (HTTP 403)");
            case 400, 422 ->
                new MetricsQueryException(
                        Kind.BAD_QUERY,
                        "prometheus rejected the query: " + error.textOr("HTTP " + status),
                        false,
                        null);
            case 429 ->
                new MetricsQueryException(
                        Kind.UNAVAILABLE, "prometheus is limiting the rate of queries (HTTP 429); try again shortly");
            default -> {
                if (status == 503 && "timeout".equals(error.type())) {
                    yield new MetricsQueryException(
                            Kind.TIMEOUT, "prometheus gave up on the query after its timeout: " + error.text());
                }
                if (status >= 500) {
                    yield new MetricsQueryException(
                            Kind.UNAVAILABLE,
                            "prometheus at " + prometheus + " failed to answer (HTTP " + status
                                    + (error.text().isEmpty() ? "" : ": " + error.text()) + ")");
                }
                yield new MetricsQueryException(
                        Kind.UNAVAILABLE,
                        "prometheus at " + prometheus + " answered HTTP " + status + " for " + path
                                + ": is the base URL right?",
                        false,
                        null);
            }
        };
    }

    MetricsQueryException forIo(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new MetricsQueryException(
                    Kind.UNAVAILABLE,
                    "could not connect to prometheus at " + prometheus + " within " + describe(timeout),
                    e);
        }
        if (e instanceof HttpTimeoutException) {
            return new MetricsQueryException(Kind.TIMEOUT, "prometheus did not answer in " + describe(timeout), e);
        }
        if (e instanceof ConnectException) {
            return new MetricsQueryException(
                    Kind.UNAVAILABLE, "cannot reach prometheus at " + prometheus + ": connection refused", e);
        }
        return new MetricsQueryException(
                Kind.UNAVAILABLE, "the connection to prometheus at " + prometheus + " failed: " + e, e);
    }

    MetricsQueryException forMalformedAnswer(IOException e) {
        return new MetricsQueryException(
                Kind.UNAVAILABLE,
                "prometheus at " + prometheus + " answered with something other than a query result: " + e.getMessage(),
                false,
                e);
    }

    MetricsQueryException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new MetricsQueryException(Kind.UNAVAILABLE, "interrupted while waiting for prometheus", false, e);
    }

    /** "2 s", or "500 ms" below a whole second. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Prometheus' error answer: {@code {"status":"error","errorType":"bad_data","error":"..."}}. */
    private record ErrorBody(String type, String text) {
        static ErrorBody parse(byte[] body) {
            try {
                JsonNode node = JSON.readTree(body);
                if (node != null && node.isObject()) {
                    return new ErrorBody(
                            node.path("errorType").asText(""),
                            node.path("error").asText(""));
                }
            } catch (IOException notJson) {
                // A proxy's HTML page, say: only the status is worth reporting.
            }
            return new ErrorBody("", "");
        }

        String textOr(String fallback) {
            return text.isEmpty() ? fallback : text;
        }
    }
}
