package dev.opsbot.core.redaction.internal;

import dev.opsbot.core.redaction.Detector;
import java.util.List;

/**
 * Every value under {@code "data"} and {@code "stringData"} of a Kubernetes Secret printed as JSON ({@code kubectl get
 * secret -o json}, API responses, lists of them).
 *
 * <p>At the first {@code "kind":"Secret"} of a text it maps the text's objects once ({@link JsonBraces}); each hit
 * then finds the object it is in and reports the string values of that object's top-level {@code data} and
 * {@code stringData}. A Secret cut off before its closing brace is read as far as it goes.
 */
public final class KubernetesSecretJson implements Detector {
    private static final int MAX_OBJECT = 1024 * 1024;

    @Override
    public List<String> types() {
        return List.of("kubernetes-secret");
    }

    @Override
    public List<String> keywords() {
        return List.of("\"kind\":\"secret\"", "\"kind\": \"secret\"");
    }

    @Override
    public void detect(String text, int hit, String keyword, Found found) {
        if (!text.startsWith("Secret", hit + keyword.length() - 7)) {
            return;
        }
        JsonBraces braces = found.memo() instanceof JsonBraces known ? known : new JsonBraces(text);
        found.memo(braces);
        int object = braces.around(hit);
        if (object < 0) {
            return;
        }
        int start = braces.open(object);
        int close = braces.close(object);
        int end = close < 0 ? (int) Math.min(text.length(), (long) start + MAX_OBJECT) : close;
        topLevelData(text, braces, start, end, found);
        // a hit inside is nested in this Secret (or, when it never closes, in the rest of the text it swallows)
        found.examined(end);
    }

    private static void topLevelData(String text, JsonBraces braces, int start, int end, Found found) {
        int depth = 0;
        for (int i = start + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                int close = stringEnd(text, i, end);
                if (depth == 0 && isDataKey(text, i + 1, close - 1)) {
                    int colon = skipSpace(text, close, end);
                    int value = colon < end && text.charAt(colon) == ':' ? skipSpace(text, colon + 1, end) : end;
                    if (value < end && text.charAt(value) == '{') {
                        int data = braces.at(value);
                        int dataEnd = data < 0 || braces.close(data) < 0 ? end : Math.min(end, braces.close(data));
                        stringValues(text, value, dataEnd, found);
                        i = dataEnd - 1;
                        continue;
                    }
                }
                i = close - 1;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    /** Reports every string value of the flat object {@code text[open, end)}. */
    private static void stringValues(String text, int open, int end, Found found) {
        boolean expectValue = false;
        for (int i = open + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                expectValue = true;
            } else if (c == ',') {
                expectValue = false;
            } else if (c == '"') {
                int close = stringEnd(text, i, end);
                if (expectValue && close - 1 > i + 1) {
                    found.secret("kubernetes-secret", i + 1, close - 1, STRUCTURE);
                }
                expectValue = false;
                i = close - 1;
            }
        }
    }

    private static boolean isDataKey(String text, int from, int to) {
        int length = to - from;
        return (length == 4 && text.startsWith("data", from)) || (length == 10 && text.startsWith("stringData", from));
    }

    /** The index just past the closing quote of the string opening at {@code open} (or the line's end). */
    static int stringEnd(String text, int open, int limit) {
        for (int i = open + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' || c == '\n') {
                return i + 1;
            }
        }
        return limit;
    }

    private static int skipSpace(String text, int from, int end) {
        int i = from;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
