package dev.opsbot.scenario.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The query of a {@code GET .../pods/{pod}/log} request: {@code container}, {@code previous}, {@code tailLines},
 * {@code limitBytes}, {@code sinceSeconds}, {@code sinceTime}, {@code timestamps} (and anything else, ignored, as
 * the API server ignores {@code pretty} here).
 */
public record LogRequest(
        String container, boolean previous, OptionalInt tailLines, OptionalLong limitBytes, Instant since) {

    /** Parses the query; a malformed number or time is an {@link IllegalArgumentException} naming the parameter. */
    public static LogRequest parse(String rawQuery, Instant now) {
        Map<String, String> query = QueryString.parse(rawQuery);
        return new LogRequest(
                query.get("container"),
                "true".equals(query.get("previous")),
                query.containsKey("tailLines")
                        ? OptionalInt.of(number(query, "tailLines").intValue())
                        : OptionalInt.empty(),
                query.containsKey("limitBytes") ? OptionalLong.of(number(query, "limitBytes")) : OptionalLong.empty(),
                since(query, now));
    }

    private static Instant since(Map<String, String> query, Instant now) {
        if (query.containsKey("sinceSeconds")) {
            return now.minusSeconds(number(query, "sinceSeconds"));
        }
        if (query.containsKey("sinceTime")) {
            try {
                return OffsetDateTime.parse(query.get("sinceTime")).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("sinceTime is not an RFC 3339 time: " + query.get("sinceTime"));
            }
        }
        return Instant.MIN;
    }

    private static Long number(Map<String, String> query, String name) {
        try {
            long value = Long.parseLong(query.get(name));
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + query.get(name));
        }
    }
}
