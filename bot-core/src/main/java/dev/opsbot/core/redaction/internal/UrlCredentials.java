package dev.opsbot.core.redaction.internal;

import dev.opsbot.core.redaction.Detector;
import java.util.List;

/**
 * The password in a URL's user info, whatever the scheme: {@code postgres://app:s3cret@db:5432},
 * {@code mongodb+srv://u:p@cluster}, {@code redis://:p@cache}, {@code amqp://u:p@mq}, {@code https://u:p@host}. A user
 * info of 32 hex digits and no password is a Sentry DSN's key. The user name and host stay visible: they are what
 * the on-call engineer needs to read.
 */
public final class UrlCredentials implements Detector {
    private static final int MAX_USER_INFO = 256;

    @Override
    public List<String> types() {
        return List.of("url-password", "sentry-dsn");
    }

    @Override
    public List<String> keywords() {
        return List.of("://");
    }

    @Override
    public void detect(String text, int hit, String keyword, Found found) {
        int from = hit + 3;
        int limit = Math.min(text.length(), from + MAX_USER_INFO);
        int colon = -1;
        int at = -1;
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '@') {
                at = i;
            } else if (c == ':' && colon < 0 && at < 0) {
                colon = i;
            } else if (c == '/' || c == '?' || c == '#' || c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>'
                    || c == '`') {
                break;
            }
        }
        // the last '@' before the host ends the user info: passwords with an unencoded '@' stay whole
        if (at < 0) {
            return;
        }
        if (colon >= 0 && colon < at) {
            String password = text.substring(colon + 1, at);
            if (!password.isEmpty() && !Values.isReference(password)) {
                found.secret("url-password", colon + 1, at, CONTEXT);
            }
        } else if (at - from == 32 && isHex(text, from, at)) {
            found.secret("sentry-dsn", from, at, CONTEXT);
        }
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
