package dev.opsbot.core.redaction.internal;

import dev.opsbot.core.redaction.Detector;
import java.util.List;

/**
 * Every value under {@code data:} and {@code stringData:} of a Kubernetes Secret printed as YAML ({@code kubectl get
 * secret -o yaml}, a manifest, an item of a {@code kind: List}), whatever it looks like: base64 of a password is as
 * secret as the password. Other objects' {@code data} (ConfigMaps) and the Secret's metadata stay.
 *
 * <p>From the {@code kind: Secret} line it finds the mapping that line belongs to (the lines indented at least as
 * far, up to the list item or document around it), then the {@code data}/{@code stringData} keys at that indent
 * and the values nested under them: plain, quoted, flow-style and block scalars.
 */
public final class KubernetesSecretYaml implements Detector {
    private static final int MAX_OBJECT = 1024 * 1024;

    @Override
    public List<String> types() {
        return List.of("kubernetes-secret");
    }

    @Override
    public List<String> keywords() {
        return List.of("kind: secret", "kind: \"secret\"", "kind: 'secret'");
    }

    @Override
    public void detect(String text, int hit, String keyword, Found found) {
        if (!text.startsWith("Secret", hit + keyword.indexOf('s', 4))) {
            return;
        }
        int lineStart = Chars.lineStart(text, hit, 4096);
        int lineEnd = Chars.lineEnd(text, hit, 4096);
        int column = hit - lineStart;
        if (!onlyBlanksOrItem(text, lineStart, hit)
                || !text.substring(hit + keyword.length(), lineEnd).isBlank()) {
            return;
        }
        int start = mappingStart(text, lineStart, column);
        int end = mappingEnd(text, lineEnd, column);
        for (int line = start; line < end; line = next(text, line)) {
            int keyAt = keyColumn(text, line);
            if (keyAt == column && (keyIs(text, line + keyAt, "data:") || keyIs(text, line + keyAt, "stringData:"))) {
                values(text, line, line + keyAt, column, end, found);
            }
        }
        found.examined(end);
    }

    /** Reports the values nested under the {@code data:} key at {@code keyStart}. */
    private static void values(String text, int line, int keyStart, int column, int end, Found found) {
        int colon = text.indexOf(':', keyStart);
        int lineEnd = Chars.lineEnd(text, colon, 4096);
        int flow = Chars.skipBlanks(text, colon + 1, 64);
        if (flow < lineEnd && text.charAt(flow) == '{') {
            flowValues(text, flow + 1, lineEnd, found);
            return;
        }
        int entryColumn = -1;
        for (int at = next(text, line); at < end; ) {
            int indent = keyColumn(text, at);
            if (indent < 0) {
                at = next(text, at);
                continue;
            }
            if (indent <= column) {
                return;
            }
            entryColumn = entryColumn < 0 ? indent : entryColumn;
            at = indent == entryColumn ? entry(text, at, indent, end, found) : next(text, at);
        }
    }

    /** One {@code key: value} entry at {@code line}; returns the line after it (and after a block scalar's lines). */
    private static int entry(String text, int line, int indent, int end, Found found) {
        int lineEnd = Chars.lineEnd(text, line, MAX_OBJECT);
        int colon = text.indexOf(": ", line + indent, lineEnd);
        if (colon < 0 && lineEnd > 0 && text.charAt(lineEnd - 1) == ':') {
            colon = lineEnd - 1;
        }
        if (colon < 0) {
            return next(text, line);
        }
        int valueStart = Chars.skipBlanks(text, colon + 1, 64);
        int valueEnd = trimEnd(text, valueStart, lineEnd);
        if (valueStart < valueEnd && (text.charAt(valueStart) == '|' || text.charAt(valueStart) == '>')
                || valueStart >= valueEnd) {
            int after = next(text, line);
            int blockEnd = after;
            while (blockEnd < end && (keyColumn(text, blockEnd) < 0 || keyColumn(text, blockEnd) > indent)) {
                blockEnd = next(text, blockEnd);
            }
            int last = trimEnd(text, after, Math.max(after, blockEnd - 1));
            if (last > after) {
                found.secret("kubernetes-secret", after, last, STRUCTURE);
            }
            return blockEnd;
        }
        char quote = text.charAt(valueStart);
        if ((quote == '"' || quote == '\'') && valueEnd - valueStart >= 2 && text.charAt(valueEnd - 1) == quote) {
            valueStart++;
            valueEnd--;
        }
        found.secret("kubernetes-secret", valueStart, valueEnd, STRUCTURE);
        return next(text, line);
    }

    /** {@code {a: b, c: "d"}} on one line. */
    private static void flowValues(String text, int from, int lineEnd, Found found) {
        int close = text.lastIndexOf('}', lineEnd);
        int end = close > from ? close : lineEnd;
        int i = from;
        while (i < end) {
            int colon = text.indexOf(':', i);
            if (colon < 0 || colon >= end) {
                return;
            }
            int comma = text.indexOf(',', colon);
            int valueEnd = comma < 0 || comma > end ? end : comma;
            int start = Chars.skipBlanks(text, colon + 1, 64);
            int stop = trimEnd(text, start, valueEnd);
            if (stop - start >= 2 && (text.charAt(start) == '"' || text.charAt(start) == '\'')) {
                start++;
                stop--;
            }
            found.secret("kubernetes-secret", start, stop, STRUCTURE);
            i = valueEnd + 1;
        }
    }

    private static int mappingStart(String text, int lineStart, int column) {
        int start = lineStart;
        int floor = Math.max(0, lineStart - MAX_OBJECT);
        if (itemAt(text, start, column)) {
            return start;
        }
        while (start > floor) {
            int previous = Chars.lineStart(text, start - 1, MAX_OBJECT);
            if (isDocumentMarker(text, previous)) {
                return start;
            }
            int indent = keyColumn(text, previous);
            if (indent >= 0 && indent < column) {
                return start;
            }
            start = previous;
            if (itemAt(text, previous, column)) {
                return previous;
            }
        }
        return start;
    }

    private static int mappingEnd(String text, int lineEnd, int column) {
        int end = Math.min(text.length(), lineEnd + 1);
        int ceiling = (int) Math.min(text.length(), (long) lineEnd + MAX_OBJECT);
        while (end < ceiling) {
            int indent = keyColumn(text, end);
            if (isDocumentMarker(text, end) || (indent >= 0 && indent < column) || itemAt(text, end, column)) {
                return end;
            }
            end = next(text, end);
        }
        return end;
    }

    /** A line {@code - key: ...} whose key sits at {@code column}: the start of a list item. */
    private static boolean itemAt(String text, int line, int column) {
        int dash = line + column - 2;
        return column >= 2
                && dash >= line
                && dash + 1 < text.length()
                && text.charAt(dash) == '-'
                && text.charAt(dash + 1) == ' '
                && text.substring(line, dash).isBlank();
    }

    /**
     * The column of the first key on the line, counting a list item's {@code - } as indentation; -1 for blank and
     * comment lines, which never end a block.
     */
    private static int keyColumn(String text, int line) {
        int n = text.length();
        int i = line;
        while (i < n && (text.charAt(i) == ' ' || (text.charAt(i) == '-' && i + 1 < n && text.charAt(i + 1) == ' '))) {
            i++;
        }
        if (i >= n || text.charAt(i) == '\n' || text.charAt(i) == '\r' || text.charAt(i) == '#') {
            return -1;
        }
        return i - line;
    }

    private static boolean onlyBlanksOrItem(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '-' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean keyIs(String text, int at, String key) {
        return text.startsWith(key, at);
    }

    private static boolean isDocumentMarker(String text, int line) {
        return text.startsWith("---", line) || text.startsWith("...", line);
    }

    private static int next(String text, int line) {
        int end = text.indexOf('\n', line);
        return end < 0 ? text.length() : end + 1;
    }

    private static int trimEnd(String text, int start, int end) {
        int i = end;
        while (i > start && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
