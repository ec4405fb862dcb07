package dev.opsbot.bench.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.opsbot.tools.prometheus.MetricsQuerier;
import dev.opsbot.tools.prometheus.MetricsQueryException;
import dev.opsbot.tools.prometheus.Point;
import dev.opsbot.tools.prometheus.Series;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The two query endpoints of Prometheus' HTTP API, {@code /api/v1/query_range} and {@code /api/v1/query} (GET or
 * form POST), answered from a {@link MetricsQuerier} such as a scenario's in-memory samples, in Prometheus' JSON: so
 * that the production {@code PrometheusClient} can be pointed at a scenario over real HTTP. Every request is served on
 * its own virtual thread, like a Prometheus that evaluates queries in parallel. Loopback only.
 */
public final class PrometheusEndpoint implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private final HttpServer server;
    private final ExecutorService executor;

    private PrometheusEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static PrometheusEndpoint start(MetricsQuerier metrics) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(executor);
            server.createContext("/api/v1/query_range", exchange -> serve(exchange, metrics, true));
            server.createContext("/api/v1/query", exchange -> serve(exchange, metrics, false));
            server.start();
            return new PrometheusEndpoint(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Prometheus endpoint", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: what {@code PrometheusClient.builder} takes. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void serve(HttpExchange exchange, MetricsQuerier metrics, boolean range) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")
                    && !exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, error("bad_data", "use GET or POST"));
                return;
            }
            Map<String, String> form = new HashMap<>();
            parse(exchange.getRequestURI().getRawQuery(), form);
            if (exchange.getRequestMethod().equals("POST")) {
                parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), form);
            }
            List<Series> result;
            try {
                String query = required(form, "query");
                if (range) {
                    result = metrics.range(
                            query,
                            time(required(form, "start")),
                            time(required(form, "end")),
                            Duration.ofMillis(new BigDecimal(required(form, "step"))
                                    .movePointRight(3)
                                    .longValueExact()));
                } else {
                    String at = form.get("time");
                    result = metrics.instant(query, at == null ? Instant.now() : time(at));
                }
            } catch (MetricsQueryException | IllegalArgumentException | ArithmeticException e) {
                send(exchange, 400, error("bad_data", String.valueOf(e.getMessage())));
                return;
            }
            send(exchange, 200, matrix(result));
        }
    }

    private static void parse(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(name, value);
        }
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("parameter '" + name + "' is missing");
        }
        return value;
    }

    /** Prometheus takes decimal Unix seconds (RFC 3339 too, which triage never sends). */
    private static Instant time(String seconds) {
        return Instant.ofEpochMilli(new BigDecimal(seconds).movePointRight(3).longValue());
    }

    /** {@code {"status":"success","data":{"resultType":"matrix","result":[{"metric":{..},"values":[[t,"v"],..]}]}}}. */
    private static byte[] matrix(List<Series> result) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(body)) {
            json.writeStartObject();
            json.writeStringField("status", "success");
            json.writeObjectFieldStart("data");
            json.writeStringField("resultType", "matrix");
            json.writeArrayFieldStart("result");
            for (Series series : result) {
                json.writeStartObject();
                json.writeObjectFieldStart("metric");
                for (Map.Entry<String, String> label : series.labels().entrySet()) {
                    json.writeStringField(label.getKey(), label.getValue());
                }
                json.writeEndObject();
                json.writeArrayFieldStart("values");
                for (Point point : series.points()) {
                    json.writeStartArray();
                    json.writeNumber(BigDecimal.valueOf(point.at().toEpochMilli(), 3));
                    json.writeString(value(point.value()));
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
        return body.toByteArray();
    }

    /** As Prometheus writes sample values: NaN, +Inf, -Inf, else the shortest decimal that reads back the same. */
    private static String value(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return BigDecimal.valueOf(v).toPlainString();
    }

    private static byte[] error(String type, String message) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(body)) {
            json.writeStartObject();
            json.writeStringField("status", "error");
            json.writeStringField("errorType", type);
            json.writeStringField("error", message);
            json.writeEndObject();
        }
        return body.toByteArray();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
