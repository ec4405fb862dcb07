package dev.opsbot.tools.prometheus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.opsbot.tools.prometheus.MetricsQueryException.Kind;
import dev.opsbot.tools.prometheus.promql.GoFloat;
import java.io.IOException;
import java.io.InputStream;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a successful {@code /api/v1/query} or {@code /api/v1/query_range} answer as a stream, stopping as soon as the
 * series or points limit is passed, so that an over-broad query never has to fit in memory. Matrix, vector and scalar
 * results are told apart by shape, so the order of the JSON fields does not matter.
 */
final class QueryResponseDecoder {
    private static final JsonFactory JSON = new JsonFactory();

    /** The body is JSON, or meant to be, but not a query result: a proxy's answer, or another API's. */
    static final class MalformedAnswerException extends IOException {
        MalformedAnswerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final QueryLimits limits;
    private final List<Series> series = new ArrayList<>();
    private String status;
    private String resultType;

    private QueryResponseDecoder(QueryLimits limits) {
        this.limits = limits;
    }

    /**
     * @throws MalformedAnswerException when the body is not a query result
     * @throws com.fasterxml.jackson.core.JsonProcessingException when it is not JSON
     * @throws IOException when reading the body fails
     * @throws MetricsQueryException when the answer passes a limit
     */
    static List<Series> decode(InputStream body, QueryLimits limits) throws IOException {
        QueryResponseDecoder decoder = new QueryResponseDecoder(limits);
        try (JsonParser parser = JSON.createParser(body)) {
            decoder.response(parser);
        }
        if (!"success".equals(decoder.status)) {
            throw new MalformedAnswerException("the answer's status is " + decoder.status + ", not success", null);
        }
        if ("string".equals(decoder.resultType)) {
            throw new MetricsQueryException(Kind.BAD_QUERY, "the query evaluates to a string, not to numbers");
        }
        decoder.series.sort(Series.BY_LABELS);
        return List.copyOf(decoder.series);
    }

    private void response(JsonParser parser) throws IOException {
        expect(parser.nextToken(), JsonToken.START_OBJECT);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "status" -> status = parser.getText();
                case "data" -> {
                    expect(value, JsonToken.START_OBJECT);
                    data(parser);
                }
                default -> parser.skipChildren();
            }
        }
    }

    private void data(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "resultType" -> resultType = parser.getText();
                case "result" -> {
                    expect(value, JsonToken.START_ARRAY);
                    result(parser);
                }
                default -> parser.skipChildren();
            }
        }
    }

    /** An array of series objects (matrix, vector), or one [time, "value"] pair (scalar). */
    private void result(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.VALUE_NUMBER_INT || first == JsonToken.VALUE_NUMBER_FLOAT) {
            Instant at = time(parser);
            expect(parser.nextToken(), JsonToken.VALUE_STRING);
            String value = parser.getText();
            expect(parser.nextToken(), JsonToken.END_ARRAY);
            if (!"string".equals(resultType)) {
                series.add(new Series(Map.of(), List.of(new Point(at, number(value)))));
            }
            return;
        }
        for (JsonToken token = first; token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            expect(token, JsonToken.START_OBJECT);
            limits.checkSeries(series.size() + 1);
            series.add(oneSeries(parser));
        }
    }

    private Series oneSeries(JsonParser parser) throws IOException {
        Map<String, String> labels = new TreeMap<>();
        List<Point> points = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "metric" -> {
                    expect(value, JsonToken.START_OBJECT);
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        parser.nextToken();
                        labels.put(name, parser.getText());
                    }
                }
                case "value" -> points.add(point(parser, value));
                case "values" -> {
                    expect(value, JsonToken.START_ARRAY);
                    for (JsonToken token = parser.nextToken();
                            token != JsonToken.END_ARRAY;
                            token = parser.nextToken()) {
                        limits.checkPoints(points.size() + 1);
                        points.add(point(parser, token));
                    }
                }
                default -> parser.skipChildren(); // native histograms: not used by triage
            }
        }
        return new Series(labels, points);
    }

    private static Point point(JsonParser parser, JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        parser.nextToken();
        Instant at = time(parser);
        expect(parser.nextToken(), JsonToken.VALUE_STRING);
        double value = number(parser.getText());
        expect(parser.nextToken(), JsonToken.END_ARRAY);
        return new Point(at, value);
    }

    /** Prometheus writes times as seconds with up to millisecond decimals. */
    private static Instant time(JsonParser parser) throws IOException {
        if (!parser.currentToken().isNumeric()) {
            throw new MalformedAnswerException("expected a time in seconds, found " + parser.currentToken(), null);
        }
        return Instant.ofEpochMilli(parser.getDecimalValue()
                .movePointRight(3)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact());
    }

    private static double number(String text) throws IOException {
        try {
            return GoFloat.parse(text);
        } catch (NumberFormatException e) {
            throw new MalformedAnswerException("a sample value " + e.getMessage(), e);
        }
    }

    private static void expect(JsonToken actual, JsonToken wanted) throws IOException {
        if (actual != wanted) {
            throw new MalformedAnswerException("expected " + wanted + " in the answer, found " + actual, null);
        }
    }
}
