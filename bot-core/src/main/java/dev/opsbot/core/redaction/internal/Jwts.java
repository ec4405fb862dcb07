package dev.opsbot.core.redaction.internal;

import dev.opsbot.core.redaction.Detector;
import java.util.List;

/**
 * JSON Web Tokens, Kubernetes service-account tokens among them: three (or, encrypted, five) base64url parts joined
 * by dots, the first a JSON object ({@code eyJ} is the base64 of <code>{"</code>).
 *
 * <p>Scanned by hand: a part is one run of base64url characters, and every {@code eyJ} inside a run ends where the run
 * ends, so once a run has been followed to its end no later hit inside it is looked at again. That keeps a line of
 * megabytes of {@code eyJeyJeyJ...} linear.
 */
public final class Jwts implements Detector {
    private static final int MIN_PART = 8;
    private static final int MAX_TOKEN = 16 * 1024;

    @Override
    public List<String> types() {
        return List.of("jwt");
    }

    @Override
    public List<String> keywords() {
        return List.of("eyj");
    }

    @Override
    public void detect(String text, int hit, String keyword, Found found) {
        if (!text.startsWith("eyJ", hit) || (hit > 0 && (Chars.isBase64Url(text.charAt(hit - 1))))) {
            return;
        }
        int limit = Math.min(text.length(), hit + MAX_TOKEN);
        int header = run(text, hit, limit);
        found.examined(header);
        int end = header;
        int parts = 1;
        while (end < limit && text.charAt(end) == '.' && parts < 5) {
            int next = run(text, end + 1, limit);
            if (next - (end + 1) < MIN_PART && !(parts == 2 && next == end + 1)) {
                break;
            }
            end = next;
            parts++;
        }
        if (header - hit < MIN_PART || (parts != 3 && parts != 5) || end >= limit && limit < text.length()) {
            return;
        }
        if (end < text.length() && Chars.isBase64Url(text.charAt(end))) {
            return;
        }
        found.secret("jwt", hit, end, SPECIFIC);
        found.examined(end);
    }

    private static int run(String text, int from, int limit) {
        int i = from;
        while (i < limit && Chars.isBase64Url(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
