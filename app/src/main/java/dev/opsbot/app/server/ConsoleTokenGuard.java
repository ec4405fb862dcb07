package dev.opsbot.app.server;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Guards the console when it listens beyond loopback: every API request must carry the configured token as
 * {@code Authorization: Bearer} or the {@code opsbot_console_token} cookie. A browser brings it once as
 * {@code ?token=}, which sets the cookie and, on a page load, is answered with a redirect to the same address without
 * it, so the token stays out of the address bar, history and {@code Referer}. Without a token configured it lets all
 * through: the configuration refuses a non-loopback bind without one.
 *
 * <p>The page itself (HTML, script, style) is served without the token: it holds nothing secret, and the cookie is
 * {@code SameSite=Strict}, which a browser leaves off the page load that follows a link from another site (a chat
 * message, a wiki), so requiring it there would answer that first load with 401. The page's own API calls are
 * same-site and carry it.
 */
public final class ConsoleTokenGuard {
    static final String COOKIE = "opsbot_console_token";
    private static final String QUERY = "token";

    private final byte[] token;

    private ConsoleTokenGuard(byte[] token) {
        this.token = token;
    }

    public static ConsoleTokenGuard open() {
        return new ConsoleTokenGuard(null);
    }

    public static ConsoleTokenGuard requiring(String token) {
        return new ConsoleTokenGuard(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a token is configured; without one the console is reachable from loopback only. */
    boolean requiresToken() {
        return token != null;
    }

    void check(Context ctx) {
        if (token == null || !ConsolePaths.console(ctx.path())) {
            return;
        }
        String fromQuery = ctx.queryParam(QUERY);
        if (fromQuery != null) {
            if (!matches(fromQuery)) {
                throw new Unauthorized();
            }
            ctx.cookie(cookie(ctx, fromQuery));
            if (ctx.method().equals(HandlerType.GET) || ctx.method().equals(HandlerType.HEAD)) {
                ctx.redirect(withoutToken(ctx), HttpStatus.SEE_OTHER);
            }
            return;
        }
        if (!ConsolePaths.api(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        String bearer = header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
        if (!matches(bearer) && !matches(ctx.cookie(COOKIE))) {
            throw new Unauthorized();
        }
    }

    /** Not readable by the page's script, never sent with another site's requests, only over TLS when TLS is used. */
    private static Cookie cookie(Context ctx, String value) {
        return new Cookie(COOKIE, value, "/", -1, https(ctx), true, null, SameSite.STRICT);
    }

    /** TLS may end at a proxy in front of opsbot, which then says so in {@code X-Forwarded-Proto}. */
    private static boolean https(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Proto");
        String first = forwarded == null ? "" : forwarded.split(",", 2)[0].trim();
        return ctx.scheme().equalsIgnoreCase("https") || first.equalsIgnoreCase("https");
    }

    /** The request's own path and query, the token left out; relative, so it stays on whatever host was used. */
    private static String withoutToken(Context ctx) {
        String query = ctx.queryString() == null
                ? ""
                : Arrays.stream(ctx.queryString().split("&"))
                        .filter(pair -> !pair.isEmpty() && !isToken(pair))
                        .collect(Collectors.joining("&"));
        return ctx.path() + (query.isEmpty() ? "" : "?" + query);
    }

    private static boolean isToken(String pair) {
        String name = pair.split("=", 2)[0];
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8).equals(QUERY);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Answered with 401. */
    static final class Unauthorized extends dev.opsbot.core.OpsbotException {
        Unauthorized() {
            super("the console needs its token: open /?token=<server.consoleToken> or send Authorization: Bearer");
        }
    }
}
