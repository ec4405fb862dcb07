package dev.opsbot.slack.inbound;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's HTTP Events API (events, slash commands, interactivity) as one framework-neutral call: the web server
 * hands over the raw body and headers and copies the {@link Response} back. Order matters: the signature is checked
 * before the body is parsed, so nobody without the signing secret learns how opsbot reads input.
 *
 * <p>401 for a missing or bad signature and for a timestamp more than five minutes off; 400 for a body Slack would
 * never send; a retried delivery ({@code X-Slack-Retry-Num}) is handled like the first, the dispatcher dedupes it by
 * {@code event_id}.
 */
public final class SlackHttpEndpoint {
    private static final Logger log = LoggerFactory.getLogger(SlackHttpEndpoint.class);
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    /** What to send back to Slack. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public Response {
            headers = Map.copyOf(headers);
            body = body == null ? "" : body;
        }

        static Response error(int status, String message) {
            return new Response(status, JSON, "{\"error\":\"" + message + "\"}");
        }
    }

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignatureCheck signatures;

    public SlackHttpEndpoint(SlackEvents events, Clock clock) {
        this.app = events.app();
        this.parser = new SlackRequestParser(app.config());
        this.signatures = new SlackSignatureCheck(events.config().signingSecret(), clock);
    }

    public Response handle(String body, Map<String, List<String>> headers, String queryString) {
        Map<String, List<String>> h = caseInsensitive(headers);
        SlackSignatureCheck.Refusal refusal =
                signatures.check(first(h, "X-Slack-Request-Timestamp"), first(h, "X-Slack-Signature"), body);
        if (refusal != null) {
            log.info("refused a Slack request: {}", refusal);
            return Response.error(401, "invalid request: " + refusal.name().toLowerCase());
        }
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri("/slack/events")
                    .queryString(parseQuery(queryString))
                    .requestBody(body)
                    .headers(new RequestHeaders(h))
                    .build());
        } catch (RuntimeException malformed) {
            log.info("malformed Slack request body: {}", malformed.toString());
            return Response.error(400, "malformed body");
        }
        if (request == null) {
            return Response.error(400, "not a Slack request this app understands");
        }
        return run(request, first(h, "X-Slack-Retry-Num"));
    }

    private Response run(Request<?> request, String retryNum) {
        if (retryNum != null) {
            log.debug("Slack retry #{} of a {} request", retryNum, request.getRequestType());
        }
        try {
            com.slack.api.bolt.response.Response bolt = app.run(request);
            Map<String, List<String>> out = new LinkedHashMap<>();
            if (bolt.getHeaders() != null) {
                out.putAll(bolt.getHeaders());
            }
            if (bolt.getContentType() != null) {
                out.put("Content-Type", List.of(bolt.getContentType()));
            }
            return new Response(bolt.getStatusCode(), out, bolt.getBody());
        } catch (Exception e) {
            log.error("Bolt failed on a {} request: {}", request.getRequestType(), e.toString(), e);
            return Response.error(500, "internal error");
        }
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    h.merge(k, List.copyOf(v), concat());
                }
            });
        }
        return h;
    }

    private static BiFunction<List<String>, List<String>, List<String>> concat() {
        return (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query == null || query.isBlank()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
        }
        return params;
    }
}
