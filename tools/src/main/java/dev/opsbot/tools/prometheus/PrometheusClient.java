package dev.opsbot.tools.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queries a Prometheus server through its HTTP API ({@code POST /api/v1/query} and {@code /api/v1/query_range},
 * form-encoded, so long queries never meet a URL length limit). Sends an optional bearer token, which is never logged
 * nor put into a message. Each request has a deadline, passed on to Prometheus as its {@code timeout} too, so that it
 * stops evaluating when we stop waiting.
 */
public final class PrometheusClient implements MetricsQuerier {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusClient.class);
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final URI baseUrl;
    private final Duration timeout;
    private final Supplier<String> bearerToken;
    private final QueryLimits limits;
    private final HttpClient http;
    private final PrometheusErrors errors;

    private PrometheusClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.timeout = builder.timeout;
        this.bearerToken = builder.bearerToken;
        this.limits = builder.limits;
        this.http = builder.http != null
                ? builder.http
                : HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        this.errors = new PrometheusErrors(displayName(baseUrl), timeout);
    }

    /** @param baseUrl where Prometheus serves {@code /api/v1/...}, e.g. {@code http://prometheus:9090} */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    @Override
    public List<Series> range(String promql, Instant start, Instant end, Duration step) {
        limits.checkRange(start, end, step);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("query", promql);
        form.put("start", seconds(start.toEpochMilli()));
        form.put("end", seconds(end.toEpochMilli()));
        form.put("step", seconds(step.toMillis()));
        return post("api/v1/query_range", form);
    }

    @Override
    public List<Series> instant(String promql, Instant at) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("query", promql);
        form.put("time", seconds(at.toEpochMilli()));
        return post("api/v1/query", form);
    }

    private List<Series> post(String path, Map<String, String> form) {
        form.put("timeout", seconds(timeout.toMillis()));
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        String token = bearerToken.get();
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        long started = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw errors.forIo(e);
        } catch (InterruptedException e) {
            throw errors.interrupted(e);
        }
        LOG.debug(
                "prometheus /{} answered HTTP {} in {} ms",
                path,
                response.statusCode(),
                (System.nanoTime() - started) / 1_000_000);
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw errors.forStatus(response.statusCode(), "/" + path, body.readNBytes(MAX_ERROR_BODY));
            }
            return QueryResponseDecoder.decode(body, limits);
        } catch (JsonProcessingException | QueryResponseDecoder.MalformedAnswerException e) {
            throw errors.forMalformedAnswer(e);
        } catch (IOException e) {
            throw errors.forIo(e); // the connection broke while the body was being read
        }
    }

    /** Milliseconds as decimal seconds ({@code 1773108000.250}), the resolution Prometheus keeps. */
    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).toPlainString();
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The base URL for messages: no user info (it may hold a password), no query. */
    private static String displayName(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
                + (url.getPath() == null || url.getPath().equals("/") ? "" : url.getPath());
    }

    /** Settings, with defaults: a 10 s deadline, no token, {@link QueryLimits#DEFAULT}. */
    public static final class Builder {
        private final URI baseUrl;
        private Duration timeout = Duration.ofSeconds(10);
        private Supplier<String> bearerToken = () -> null;
        private QueryLimits limits = QueryLimits.DEFAULT;
        private HttpClient http;

        private Builder(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
                throw new IllegalArgumentException(
                        "prometheus' base URL must be http or https, not " + displayName(baseUrl));
            }
            // A trailing slash makes resolve() keep a path prefix such as /prometheus.
            String url = baseUrl.toString();
            this.baseUrl = URI.create(url.endsWith("/") ? url : url + "/");
        }

        /** How long to wait for an answer (and how long Prometheus may evaluate). */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.toMillis() < 1) {
                throw new IllegalArgumentException("the timeout must be at least 1 ms, not " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public Builder bearerToken(String token) {
            return bearerToken(() -> token);
        }

        /** Asked once per request, so that a short-lived token can be refreshed between queries. */
        public Builder bearerToken(Supplier<String> token) {
            this.bearerToken = Objects.requireNonNull(token, "token");
            return this;
        }

        public Builder limits(QueryLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** An HttpClient of the caller's (proxy, TLS settings); by default one with the timeout as connect timeout. */
        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        public PrometheusClient build() {
            return new PrometheusClient(this);
        }
    }

    @Override
    public String toString() {
        return "PrometheusClient[" + displayName(baseUrl) + "]";
    }
}
