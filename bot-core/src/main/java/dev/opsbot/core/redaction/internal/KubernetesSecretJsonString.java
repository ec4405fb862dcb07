package dev.opsbot.core.redaction.internal;

import dev.opsbot.core.redaction.Detector;
import java.util.List;

/**
 * The copy of a Secret that kubectl keeps as JSON inside a JSON string (the {@code last-applied-configuration}
 * annotation of {@code kubectl get secret -o json}): {@code \"data\":{\"k\":\"v\"}}, all on one line. Its data
 * values are as secret as the Secret's own.
 */
public final class KubernetesSecretJsonString implements Detector {
    private static final int MAX_LINE = 1024 * 1024;
    private static final List<String> DATA_KEYS = List.of("\\\"data\\\":{", "\\\"stringData\\\":{");
    private static final String VALUE = "\\\":\\\"";
    private static final String QUOTE = "\\\"";

    @Override
    public List<String> types() {
        return List.of("kubernetes-secret");
    }

    @Override
    public List<String> keywords() {
        return List.of("\\\"kind\\\":\\\"secret\\\"");
    }

    @Override
    public void detect(String text, int hit, String keyword, Found found) {
        if (!text.startsWith("Secret", hit + keyword.length() - 8)) {
            return;
        }
        int from = Chars.lineStart(text, hit, MAX_LINE);
        int to = Chars.lineEnd(text, hit, MAX_LINE);
        for (String key : DATA_KEYS) {
            for (int at = text.indexOf(key, from, to); at >= 0; at = text.indexOf(key, at + 1, to)) {
                int close = text.indexOf('}', at, to);
                values(text, at + key.length(), close < 0 ? to : close, found);
            }
        }
        found.examined(to);
    }

    private static void values(String text, int from, int end, Found found) {
        int i = from;
        while (i < end) {
            int colon = text.indexOf(VALUE, i, end);
            if (colon < 0) {
                return;
            }
            int valueStart = colon + VALUE.length();
            int valueEnd = text.indexOf(QUOTE, valueStart, end);
            valueEnd = valueEnd < 0 ? end : valueEnd;
            found.secret("kubernetes-secret", valueStart, valueEnd, STRUCTURE);
            i = valueEnd + QUOTE.length();
        }
    }
}
