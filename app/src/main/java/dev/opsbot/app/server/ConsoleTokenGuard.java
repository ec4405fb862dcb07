package dev.opsbot.app.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards the console when it listens beyond loopback: every console request must carry the configured token as
 * {@code Authorization: Bearer}, the {@code opsbot_console_token} cookie, or once as {@code ?token=} (which sets the
 * cookie, so the page and its event stream work in a browser). Without a token configured it lets all through: the
 * configuration refuses a non-loopback bind without one.
 */
public final class ConsoleTokenGuard {
    static final String COOKIE = "opsbot_console_token";

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

    void check(Context ctx) {
        if (token == null || !guarded(ctx.path())) {
            return;
        }
        String fromQuery = ctx.queryParam("token");
        if (matches(fromQuery)) {
            ctx.cookie(COOKIE, fromQuery);
            return;
        }
        String header = ctx.header("Authorization");
        String bearer = header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
        if (!matches(bearer) && !matches(ctx.cookie(COOKIE))) {
            throw new Unauthorized();
        }
    }

    private static boolean guarded(String path) {
        // Platform webhooks verify their own signatures; health and metrics carry no chat content.
        return path.equals("/") || path.startsWith("/api/console") || path.startsWith("/console");
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
