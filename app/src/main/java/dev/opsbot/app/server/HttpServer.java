package dev.opsbot.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.app.console.ConsoleException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * opsbot's HTTP server: the console page and API, operations endpoints, and later the Slack and Teams webhooks.
 * Errors always answer JSON {@code {"error": "..."}} with a message a person can act on.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    /** Bigger than any message the console accepts, small enough that a flood cannot exhaust memory. */
    private static final long MAX_REQUEST_BYTES = 1_048_576;

    private final Javalin javalin;

    private HttpServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /** Starts serving on {@code host:port} (port 0 picks a free one). */
    public static HttpServer start(
            String host,
            int port,
            ObjectMapper json,
            MeterRegistry metrics,
            List<RouteModule> modules,
            ConsoleTokenGuard guard,
            StartupGate gate,
            boolean servePage) {
        Javalin javalin = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            cfg.jsonMapper(new JavalinJackson(json, true));
            if (servePage) {
                cfg.staticFiles.add(files -> {
                    files.hostedPath = "/";
                    files.directory = "/console";
                    files.location = Location.CLASSPATH;
                    files.headers = Map.of("Cache-Control", "no-cache");
                });
            }
            cfg.requestLogger.http((ctx, ms) -> recordRequest(metrics, ctx, ms));
            // refuse other sites' pages before anything else looks at the request, the token included
            cfg.routes.before(originGuardFor(guard)::check);
            cfg.routes.before(guard::check);
            cfg.routes.before(gate::check);
            cfg.routes.exception(ConsoleException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            cfg.routes.exception(JsonBody.BadRequestException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            cfg.routes.exception(ConsoleTokenGuard.Unauthorized.class, (e, ctx) -> error(ctx, 401, e.getMessage()));
            cfg.routes.exception(ConsoleOriginGuard.Refused.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            cfg.routes.exception(StartupGate.Starting.class, (e, ctx) -> {
                ctx.header("Retry-After", "1");
                error(ctx, 503, e.getMessage());
            });
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), describe(e)));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                log.error("{} failed", describeRequest(ctx), e);
                try {
                    error(ctx, 500, "internal error: " + e.getClass().getSimpleName() + "; see opsbot's log");
                } catch (RuntimeException gone) {
                    // Nobody to answer: throwing here would hand the failure straight back to this handler.
                    log.debug("could not answer {}: {}", describeRequest(ctx), gone.toString());
                }
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, "no route " + ctx.method() + " " + ctx.path());
                }
            });
            modules.forEach(module -> module.register(cfg.routes));
        });
        javalin.start(host, port);
        return new HttpServer(javalin);
    }

    /**
     * Derived from the token guard rather than passed in, so that no way of starting the server leaves it out: without
     * a token the console is on loopback and must be addressed by a loopback name.
     */
    private static ConsoleOriginGuard originGuardFor(ConsoleTokenGuard guard) {
        return guard.requiresToken() ? ConsoleOriginGuard.anyHost() : ConsoleOriginGuard.loopbackHostsOnly();
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }

    /** The request line for a log, or a placeholder when the request is already gone (a closed event stream). */
    private static String describeRequest(Context ctx) {
        try {
            return ctx.method() + " " + ctx.path();
        } catch (RuntimeException gone) {
            return "a request that has already ended";
        }
    }

    private static String describe(HttpResponseException e) {
        if (e.getStatus() == 413) {
            return "request body too large; the limit is " + MAX_REQUEST_BYTES + " bytes";
        }
        return e.getMessage();
    }

    private static void recordRequest(MeterRegistry metrics, Context ctx, Float ms) {
        String route = ctx.endpoint() == null ? "unmatched" : ctx.endpoint().path;
        Timer.builder("opsbot.http.server.requests")
                .description("HTTP requests served by opsbot")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram(false)
                .register(metrics)
                .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
    }
}
