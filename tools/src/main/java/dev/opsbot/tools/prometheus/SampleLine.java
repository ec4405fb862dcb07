package dev.opsbot.tools.prometheus;

import dev.opsbot.tools.prometheus.promql.GoFloat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sample line of OpenMetrics text: {@code name{label="value",...} value timestamp [# {exemplar} value [time]]},
 * read as strictly as Prometheus' OpenMetrics lexer reads it (single spaces, no trailing comma, no blank).
 *
 * @param labels the labels as written, without the metric name, in file order
 * @param timestampMillis the timestamp in seconds times 1000, truncated, exactly as Prometheus converts it
 */
record SampleLine(String name, Map<String, String> labels, double value, long timestampMillis) {
    /** A problem with the line; the caller adds the file and line number. */
    static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    static SampleLine parse(String line) {
        return new Reader(line).sampleLine();
    }

    private static final class Reader {
        private final String line;
        private int position;

        Reader(String line) {
            this.line = line;
        }

        SampleLine sampleLine() {
            String name = metricName();
            Map<String, String> labels = new LinkedHashMap<>();
            String after = "the metric name";
            if (peek() == '{') {
                labels(labels, "label");
                after = "the labels";
            }
            double value = number(space("a value", after), "value");
            if (atEnd()) {
                throw new Problem("expected a timestamp after the value: promtool needs one on every sample");
            }
            double seconds = number(space("a timestamp", "the value"), "timestamp");
            if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                throw new Problem("invalid timestamp " + seconds);
            }
            if (!atEnd()) {
                exemplar(name);
            }
            // Prometheus converts with int64(ts * 1000): truncation after a float multiplication, kept as is.
            return new SampleLine(name, labels, value, (long) (seconds * 1000));
        }

        private String metricName() {
            int start = position;
            while (!atEnd() && isNameChar(peek(), position == start, true)) {
                position++;
            }
            if (position == start) {
                throw new Problem("expected a metric name at the start of the line, found '" + peek() + "'");
            }
            return line.substring(start, position);
        }

        /** {@code {name="value",...}}; {@code kind} is "label" or "exemplar label" for messages. */
        private void labels(Map<String, String> labels, String kind) {
            position++; // the brace
            if (peek() == '}') {
                position++;
                return;
            }
            while (true) {
                String name = labelName(kind);
                if (peek() != '=') {
                    throw new Problem("expected '=' after the " + kind + " name " + name + ", found " + found());
                }
                position++;
                String value = quoted(name);
                if (labels.putIfAbsent(name, value) != null) {
                    throw new Problem("the " + kind + " " + name + " appears twice");
                }
                char next = peek();
                position++;
                if (next == '}') {
                    return;
                }
                if (next != ',') {
                    position--;
                    throw new Problem("expected ',' or '}' after the value of " + name + ", found " + found());
                }
            }
        }

        private String labelName(String kind) {
            int start = position;
            while (!atEnd() && isNameChar(peek(), position == start, false)) {
                position++;
            }
            if (position == start) {
                throw new Problem("expected a " + kind + " name, found " + found()
                        + (peek() == '}' ? " (OpenMetrics allows no comma before '}')" : ""));
            }
            String name = line.substring(start, position);
            if (name.equals(Sample.METRIC_NAME)) {
                throw new Problem("__name__ cannot be a label: the metric name goes before the braces");
            }
            return name;
        }

        /** A double-quoted value with OpenMetrics' three escapes: \\, \" and \n. */
        private String quoted(String labelName) {
            if (peek() != '"') {
                throw new Problem("expected a double-quoted value for " + labelName + ", found " + found());
            }
            position++;
            StringBuilder value = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw new Problem("the value of " + labelName + " has no closing quote");
                }
                char c = line.charAt(position++);
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = atEnd() ? ' ' : line.charAt(position++);
                switch (escaped) {
                    case '\\' -> value.append('\\');
                    case '"' -> value.append('"');
                    case 'n' -> value.append('\n');
                    default ->
                        throw new Problem("unknown escape \\" + escaped + " in the value of " + labelName
                                + " (OpenMetrics allows \\\\, \\\" and \\n)");
                }
            }
        }

        /** The single space before a field, and the field up to the next space or the end of the line. */
        private String space(String what, String after) {
            if (atEnd()) {
                throw new Problem("expected " + what + " after " + after);
            }
            if (peek() != ' ') {
                throw new Problem("expected a space and " + what + " after " + after + ", found " + found());
            }
            position++;
            int start = position;
            while (!atEnd() && peek() != ' ') {
                position++;
            }
            if (position == start) {
                throw new Problem("expected " + what + " after " + after
                        + (atEnd() ? "" : ", found a second space (OpenMetrics separates fields with one)"));
            }
            return line.substring(start, position);
        }

        private static double number(String text, String what) {
            try {
                return GoFloat.parse(text);
            } catch (NumberFormatException e) {
                throw new Problem("the " + what + " " + e.getMessage() + " (expected a number, NaN, +Inf or -Inf)");
            }
        }

        /** {@code  # {labels} value [timestamp]}: parsed to validate it, then dropped (triage does not use them). */
        private void exemplar(String sampleName) {
            if (!line.startsWith(" # {", position)) {
                throw new Problem("unexpected text after the timestamp: " + found());
            }
            if (!sampleName.endsWith("_total") && !sampleName.endsWith("_bucket")) {
                throw new Problem("exemplars are only allowed on _total and _bucket samples, not on " + sampleName);
            }
            position += 3;
            labels(new LinkedHashMap<>(), "exemplar label");
            number(space("an exemplar value", "the exemplar labels"), "exemplar value");
            if (!atEnd()) {
                number(space("an exemplar timestamp", "the exemplar value"), "exemplar timestamp");
            }
            if (!atEnd()) {
                throw new Problem("unexpected text after the exemplar: " + found());
            }
        }

        private static boolean isNameChar(char c, boolean first, boolean colonAllowed) {
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colonAllowed && c == ':');
            return letter || (!first && c >= '0' && c <= '9');
        }

        private boolean atEnd() {
            return position >= line.length();
        }

        private char peek() {
            return atEnd() ? '\0' : line.charAt(position);
        }

        private String found() {
            if (atEnd()) {
                return "the end of the line";
            }
            String rest = line.substring(position);
            return "\"" + (rest.length() > 20 ? rest.substring(0, 20) + "..." : rest) + "\"";
        }
    }
}
