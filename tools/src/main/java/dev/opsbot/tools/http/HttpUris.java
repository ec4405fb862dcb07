package dev.opsbot.tools.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds request URIs under a configured base URL, which may carry a path prefix ({@code /api/v3}). */
public final class HttpUris {
    private HttpUris() {}

    /** {@code base} + {@code pathAndQuery}; {@code pathAndQuery} starts with {@code /} and is already encoded. */
    public static URI under(URI base, String pathAndQuery) {
        String prefix = base.toString();
        if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return URI.create(prefix + pathAndQuery);
    }

    /** One path segment or query value, percent-encoded ({@code /} included). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
