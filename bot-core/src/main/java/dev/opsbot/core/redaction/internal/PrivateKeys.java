package dev.opsbot.core.redaction.internal;

import dev.opsbot.core.redaction.Detector;
import java.util.List;

/**
 * Private keys as whole blocks: PEM ({@code -----BEGIN RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP ... PRIVATE KEY-----} to its
 * {@code -----END ...-----}, with real or JSON-escaped line breaks, as in a GCP service-account key file) and PuTTY
 * key files. Certificates and public keys ({@code BEGIN CERTIFICATE}, {@code BEGIN PUBLIC KEY}) are not matched.
 * A block whose end is missing (a truncated log line) is redacted as far as its base64 body goes.
 */
public final class PrivateKeys implements Detector {
    private static final int MAX_BLOCK = 32 * 1024;
    private static final int MAX_LABEL = 48;
    private static final String END = "-----END ";
    /** The memo holds where the next END marker is, or {@code -2 - searchedUntil} when there is none; this before. */
    private static final int UNKNOWN = -1;

    @Override
    public List<String> types() {
        return List.of("private-key", "pgp-private-key", "gcp-service-account-key", "putty-private-key");
    }

    @Override
    public List<String> keywords() {
        return List.of("-----begin ", "putty-user-key-file-");
    }

    @Override
    public void detect(String text, int hit, String keyword, Found found) {
        if (keyword.startsWith("putty")) {
            putty(text, hit, found);
            return;
        }
        int labelStart = hit + keyword.length();
        int labelEnd = text.indexOf("-----", labelStart, Math.min(text.length(), labelStart + MAX_LABEL));
        if (labelEnd < 0) {
            return;
        }
        String label = text.substring(labelStart, labelEnd);
        if (!label.endsWith("PRIVATE KEY") && !label.endsWith("PRIVATE KEY BLOCK")) {
            return;
        }
        int bodyStart = labelEnd + 5;
        int end = blockEnd(text, bodyStart, label, found);
        if (end < 0) {
            end = bodyEnd(text, bodyStart);
        }
        found.secret(type(text, hit, label), hit, end, STRUCTURE);
        found.examined(end);
    }

    private static String type(String text, int hit, String label) {
        if (label.startsWith("PGP")) {
            return "pgp-private-key";
        }
        int from = Math.max(0, hit - 40);
        return text.indexOf("\"private_key\"", from, hit) >= 0 ? "gcp-service-account-key" : "private-key";
    }

    /** The end of {@code -----END <label>-----}, searching at most {@link #MAX_BLOCK}, or -1. */
    private static int blockEnd(String text, int from, String label, Found found) {
        int limit = Math.min(text.length(), from + MAX_BLOCK);
        int marker = nextEndMarker(text, from, limit, found);
        if (marker < 0) {
            return -1;
        }
        String close = END + label + "-----";
        return text.startsWith(close, marker) ? marker + close.length() : -1;
    }

    /**
     * The next {@code -----END } at or after {@code from} and before {@code limit}, remembered for the next hit so that
     * many BEGIN lines without an END cost one search, not one each.
     */
    private static int nextEndMarker(String text, int from, int limit, Found found) {
        int known = found.memo() instanceof Integer memo ? memo : UNKNOWN;
        if (known >= from) {
            return known < limit ? known : -1;
        }
        if (known <= -2 && -2 - known >= limit) {
            return -1; // searched this far already: nothing
        }
        int searchFrom = known <= -2 ? Math.max(from, -2 - known - END.length()) : from;
        int marker = text.indexOf(END, searchFrom, limit);
        found.memo(marker >= 0 ? marker : -2 - limit);
        return marker;
    }

    /** How far a body of base64 lines (real or escaped breaks, {@code Proc-Type: 4,ENCRYPTED} headers) reaches. */
    private static int bodyEnd(String text, int from) {
        int limit = Math.min(text.length(), from + MAX_BLOCK);
        int i = from;
        while (i < limit) {
            char c = text.charAt(i);
            boolean headerBlank = c == ' ' && i > from && (text.charAt(i - 1) == ':' || text.charAt(i - 1) == ',');
            if (Chars.isBase64(c) || c == '\n' || c == '\r' || c == ':' || c == ',' || c == '-' || headerBlank) {
                i++;
            } else if (c == '\\' && i + 1 < limit && (text.charAt(i + 1) == 'n' || text.charAt(i + 1) == 'r')) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static void putty(String text, int hit, Found found) {
        int limit = Math.min(text.length(), hit + MAX_BLOCK);
        int mac = text.indexOf("Private-MAC:", hit, limit);
        int end = mac < 0 ? bodyEnd(text, Chars.lineEnd(text, hit, 256)) : Chars.lineEnd(text, mac, 256);
        found.secret("putty-private-key", hit, end, STRUCTURE);
        found.examined(end);
    }
}
