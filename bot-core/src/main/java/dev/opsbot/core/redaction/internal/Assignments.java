package dev.opsbot.core.redaction.internal;

import dev.opsbot.core.redaction.Detector;
import java.util.List;

/**
 * {@code password=...}, {@code "client_secret": "..."}, {@code token: ...}, {@code --password ...}: a key that
 * {@link KeyNames names a secret}, a separator, and a value that {@link Entropy looks machine-made} and is not a
 * {@link Values reference}. Inside a connection string ({@code ;Password=...;}, {@code ?password=...&}) any password
 * is redacted, whatever its entropy: there it is certainly the real one.
 *
 * <p>A bare value ends at a blank or a delimiter, but {@code &} ends it only before another parameter: {@code &}
 * followed by a name and {@code =} ({@code &user=}, {@code &ids[]=}, HTML-escaped {@code &amp;user=}). In a query
 * string or form body every {@code &} is followed by one (an {@code &} inside a value is sent as {@code %26}), so
 * parameters still split there; in an env assignment, YAML, a log line or {@code --password X&Y} an {@code &} is as
 * likely to be part of a password as any other symbol, and cutting there left the tail in the clear or split a
 * token into pieces too short to look random. The entropy test sees the whole value. What it costs: a value-less
 * parameter after a secret ({@code ?token=...&debug}) is redacted with it, and a secret that itself holds
 * {@code &name=} is still cut there.
 *
 * <p>Hand-written rather than a regex: it runs at every occurrence of words as common as "token" and "auth", and
 * each step is bounded (64 characters of key, 512 of value, 64 of parameter name looked at past an {@code &}).
 */
public final class Assignments implements Detector {
    static final int MAX_KEY = 64;
    static final int MAX_VALUE = 512;

    @Override
    public List<String> types() {
        return List.of(
                "password", "secret", "token", "api-key", "private-key", "credential", "connection-string-password");
    }

    @Override
    public List<String> keywords() {
        return KeyNames.keywords();
    }

    @Override
    public void detect(String text, int hit, String keyword, Found found) {
        int keyStart = hit;
        int floor = Math.max(0, hit - MAX_KEY);
        while (keyStart > floor && Chars.isKeyChar(text.charAt(keyStart - 1))) {
            keyStart--;
        }
        int keyEnd = hit + keyword.length();
        int ceiling = Math.min(text.length(), keyEnd + MAX_KEY);
        while (keyEnd < ceiling && Chars.isKeyChar(text.charAt(keyEnd))) {
            keyEnd++;
        }
        boolean flag = text.startsWith("-", keyStart);
        while (keyStart < hit && text.charAt(keyStart) == '-') {
            keyStart++;
        }
        if (referenced(text, keyStart)) {
            return;
        }
        String type = KeyNames.typeOf(text.substring(keyStart, keyEnd));
        if (type == null) {
            return;
        }
        int valueStart = valueStart(text, keyEnd, flag);
        if (valueStart < 0) {
            return;
        }
        Value value = Value.at(text, valueStart);
        found.examined(value.end());
        if (value.isEmpty() || Values.isReference(value.text(text))) {
            return;
        }
        boolean connectionString = type.equals("password") && inConnectionString(text, keyStart, value);
        if (connectionString) {
            found.secret("connection-string-password", value.start(), value.end(), CONTEXT);
        } else if (!Values.isPlaceholder(value.text(text))
                && Entropy.looksRandom(value.text(text))
                && !looksLikeName(value.text(text))) {
            found.secret(type, value.start(), value.end(), GENERIC);
        }
    }

    /** The key is part of a reference ({@code ${DB_PASSWORD:-x}}, {@code $TOKEN}), a path or an ARN. */
    private static boolean referenced(String text, int keyStart) {
        if (keyStart == 0) {
            return false;
        }
        char before = text.charAt(keyStart - 1);
        if (before == '{' || before == '$' || before == '/' || before == '%') {
            return true;
        }
        if (before != ':') {
            return false;
        }
        int wordStart = keyStart - 1;
        int floor = Math.max(0, keyStart - 256);
        while (wordStart > floor
                && !Character.isWhitespace(text.charAt(wordStart - 1))
                && text.charAt(wordStart - 1) != '"'
                && text.charAt(wordStart - 1) != '\'') {
            wordStart--;
        }
        return Chars.at(text, wordStart, "arn:");
    }

    /** Where the value begins after {@code key}: past a closing quote, blanks, a separator and an opening quote. */
    private static int valueStart(String text, int keyEnd, boolean flag) {
        int n = text.length();
        int i = keyEnd;
        if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            i++;
        }
        int afterKey = i;
        i = Chars.skipBlanks(text, i, 8);
        if (i >= n) {
            return -1;
        }
        char c = text.charAt(i);
        if (c == ':' && i + 1 < n && text.charAt(i + 1) == '=') {
            i += 2;
        } else if (c == '=' && i + 1 < n && text.charAt(i + 1) == '>') {
            i += 2;
        } else if (c == '=' && i + 1 < n && text.charAt(i + 1) == '=') {
            return -1; // a comparison in code, not an assignment
        } else if (c == ':' || c == '=') {
            if (c == ':' && text.startsWith("//", i + 1)) {
                return -1;
            }
            i++;
        } else if (!(flag && i > afterKey)) {
            return -1;
        }
        return Chars.skipBlanks(text, i, 8);
    }

    private static boolean inConnectionString(String text, int keyStart, Value value) {
        char before = keyStart > 0 ? text.charAt(keyStart - 1) : ' ';
        char after = value.end() < text.length() ? text.charAt(value.end()) : ' ';
        return before == ';' || before == '?' || before == '&' || after == ';' || after == '&';
    }

    /** A Kubernetes-style name ({@code db-creds-v2}): what {@code secret:} keys in manifests usually hold. */
    private static boolean looksLikeName(String value) {
        if (value.indexOf('-') < 0 || !Character.isLetter(value.charAt(0))) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A value: quoted (up to its closing quote, on one line) or bare (up to a blank, a delimiter or an {@code &}
     * that starts another parameter).
     */
    record Value(int start, int end, int quote) {
        static Value at(String text, int from) {
            int n = text.length();
            int limit = Math.min(n, from + MAX_VALUE);
            char open = from < n ? text.charAt(from) : ' ';
            if (open == '"' || open == '\'') {
                int i = from + 1;
                while (i < limit && text.charAt(i) != open && text.charAt(i) != '\n') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                i = Math.min(i, limit);
                return i < n && text.charAt(i) == open ? new Value(from + 1, i, open) : new Value(from, from, 0);
            }
            int i = from;
            while (i < limit && !endsAt(text, i)) {
                i++;
            }
            return new Value(from, i, 0);
        }

        private static boolean endsAt(String text, int i) {
            char c = text.charAt(i);
            return c == '&' ? startsParameter(text, i + 1) : ends(c);
        }

        /**
         * Whether a parameter ({@code name=}, or {@code amp;name=} after an HTML-escaped separator) starts at
         * {@code at}. The name scan stops at the next {@code &}, so the scans of one value never overlap.
         */
        private static boolean startsParameter(String text, int at) {
            int i = text.startsWith("amp;", at) ? at + 4 : at;
            int nameStart = i;
            int ceiling = Math.min(text.length(), nameStart + MAX_KEY);
            while (i < ceiling && isNameChar(text.charAt(i))) {
                i++;
            }
            return i > nameStart && i < text.length() && text.charAt(i) == '=';
        }

        /** What parameter names in a query string or form are made of: {@code page}, {@code ids[]}, {@code a%5B%5D}. */
        private static boolean isNameChar(char c) {
            return Chars.isKeyChar(c) || c == '[' || c == ']' || c == '%';
        }

        private static boolean ends(char c) {
            return Character.isWhitespace(c)
                    || c == ','
                    || c == ';'
                    || c == '"'
                    || c == '\''
                    || c == '`'
                    || c == '<'
                    || c == '>'
                    || c == '('
                    || c == ')'
                    || c == '['
                    || c == ']'
                    || c == '{'
                    || c == '}';
        }

        boolean isEmpty() {
            return end <= start;
        }

        String text(String whole) {
            return whole.substring(start, end);
        }
    }
}
