package dev.opsbot.core.redaction.internal;

import dev.opsbot.core.redaction.Detector;
import java.util.List;

/**
 * Cookie values in {@code Cookie:} and {@code Set-Cookie:} headers (and their JSON renderings): every value of a
 * {@code Cookie} header, the first one of a {@code Set-Cookie} (the rest are attributes such as {@code Path=/}).
 * Values shorter than 8 characters ({@code lang=en}) stay.
 */
public final class Cookies implements Detector {
    private static final int MAX_HEADER = 4096;
    private static final int MIN_VALUE = 8;

    @Override
    public List<String> types() {
        return List.of("cookie");
    }

    @Override
    public List<String> keywords() {
        return List.of("cookie");
    }

    @Override
    public void detect(String text, int hit, String keyword, Found found) {
        boolean setCookie = Chars.at(text, hit - 4, "set-");
        int i = hit + keyword.length();
        int n = text.length();
        if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            i++;
        }
        i = Chars.skipBlanks(text, i, 8);
        if (i >= n || (text.charAt(i) != ':' && text.charAt(i) != '=')) {
            return;
        }
        i = Chars.skipBlanks(text, i + 1, 8);
        if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            i++;
        }
        int limit = Math.min(n, i + MAX_HEADER);
        while (i < limit) {
            int equals = i;
            while (equals < limit && isNameChar(text.charAt(equals))) {
                equals++;
            }
            if (equals == i || equals >= limit || text.charAt(equals) != '=') {
                break;
            }
            int start = equals + 1;
            int end = start;
            while (end < limit && isValueChar(text.charAt(end))) {
                end++;
            }
            if (end - start >= MIN_VALUE && !Values.isReference(text.substring(start, end))) {
                found.secret("cookie", start, end, CONTEXT);
            }
            found.examined(end);
            if (setCookie || end >= limit || text.charAt(end) != ';') {
                break;
            }
            i = Chars.skipBlanks(text, end + 1, 8);
        }
    }

    private static boolean isNameChar(char c) {
        return c > ' ' && c != '=' && c != ';' && c != '"' && c != '\'' && c != ',' && c < 127;
    }

    private static boolean isValueChar(char c) {
        return c > ' ' && c != ';' && c != '"' && c != '\'' && c != ',' && c < 127;
    }
}
