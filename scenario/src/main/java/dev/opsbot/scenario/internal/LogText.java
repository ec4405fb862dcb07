package dev.opsbot.scenario.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a container log the way the kubelet does for a log request: lines since a time (a line without a leading RFC
 * 3339 time goes with the line before it), the last {@code tailLines}, at most {@code limitBytes}. Lines are served
 * as written: with {@code timestamps=true} the kubelet would prefix its own time, which a scenario does not have.
 */
public final class LogText {
    private LogText() {}

    public static String cut(String text, LogRequest request) {
        List<String> lines = lines(text);
        if (request.since() != Instant.MIN) {
            lines = since(lines, request.since());
        }
        if (request.tailLines().isPresent()) {
            int tail = request.tailLines().getAsInt();
            lines = lines.subList(Math.max(0, lines.size() - tail), lines.size());
        }
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line).append('\n'));
        return request.limitBytes().isPresent()
                ? limit(out.toString(), request.limitBytes().getAsLong())
                : out.toString();
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = Arrays.asList(text.split("\r?\n", -1));
        boolean finalNewline = lines.get(lines.size() - 1).isEmpty();
        return finalNewline ? lines.subList(0, lines.size() - 1) : lines;
    }

    private static List<String> since(List<String> lines, Instant since) {
        List<String> kept = new ArrayList<>();
        boolean keeping = true;
        for (String line : lines) {
            Instant at = leadingTime(line);
            if (at != null) {
                keeping = !at.isBefore(since);
            }
            if (keeping) {
                kept.add(line);
            }
        }
        return kept;
    }

    /** The RFC 3339 time a line begins with, or null. */
    public static Instant leadingTime(String line) {
        int end = line.indexOf(' ');
        String first = end < 0 ? line : line.substring(0, end);
        if (first.length() < 20 || !Character.isDigit(first.charAt(0))) {
            return null;
        }
        try {
            return OffsetDateTime.parse(first).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String limit(String text, long limitBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= limitBytes) {
            return text;
        }
        return new String(bytes, 0, (int) limitBytes, StandardCharsets.UTF_8);
    }
}
