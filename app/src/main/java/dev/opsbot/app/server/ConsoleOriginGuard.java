package dev.opsbot.app.server;

import dev.opsbot.core.OpsbotException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps web pages from other sites out of the console, which has no login of its own.
 *
 * <ul>
 *   <li>A request that changes something must be {@code application/json}: a browser sends that cross-site only
 *       after a preflight, which opsbot never allows, whereas a {@code text/plain} form post needs none (415).
 *   <li>When it carries an {@code Origin}, that must be the console's own host (403). Tools such as curl send none.
 *   <li>Without a console token, opsbot listens on loopback only, and the {@code Host} must be a loopback name
 *       (403): otherwise a site could point its own name at 127.0.0.1 (DNS rebinding) and its page would count as
 *       same-origin. With a token, the token is the control and any host may front opsbot.
 * </ul>
 */
public final class ConsoleOriginGuard {
    private static final Set<HandlerType> READS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final boolean loopbackHostsOnly;

    private ConsoleOriginGuard(boolean loopbackHostsOnly) {
        this.loopbackHostsOnly = loopbackHostsOnly;
    }

    /** For a console without a token: requests must name a loopback host. */
    public static ConsoleOriginGuard loopbackHostsOnly() {
        return new ConsoleOriginGuard(true);
    }

    /** For a console behind its token: any host, as a proxy or ingress names it. */
    public static ConsoleOriginGuard anyHost() {
        return new ConsoleOriginGuard(false);
    }

    void check(Context ctx) {
        if (!ConsolePaths.console(ctx.path())) {
            return;
        }
        String hostHeader = ctx.header("Host");
        Optional<Authority> host = Authority.ofHostHeader(hostHeader);
        if (loopbackHostsOnly && !host.map(Authority::loopback).orElse(false)) {
            throw new Refused(
                    403,
                    "the console answers only requests addressed to localhost, 127.0.0.1 or [::1], not "
                            + (hostHeader == null ? "a request without a Host" : "'" + hostHeader + "'")
                            + "; to reach it under another name, set server.consoleToken");
        }
        if (!ConsolePaths.api(ctx.path()) || READS.contains(ctx.method())) {
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null
                && !host.flatMap(h -> Authority.ofOrigin(origin).map(h::sameAs)).orElse(false)) {
            throw new Refused(
                    403,
                    "cross-site request refused: Origin '" + origin + "' is not this console ("
                            + (hostHeader == null ? "no Host" : hostHeader) + ")");
        }
        if (!json(ctx.header("Content-Type"))) {
            throw new Refused(
                    415, "console requests that change something must be sent as Content-Type: application/json");
        }
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return type.trim().toLowerCase(Locale.ROOT).equals("application/json");
    }

    /** Answered with its status: 403 for a foreign host or origin, 415 for a body that is not JSON. */
    static final class Refused extends OpsbotException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
