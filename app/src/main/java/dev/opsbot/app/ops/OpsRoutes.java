package dev.opsbot.app.ops;

import dev.opsbot.app.server.RouteModule;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (the process serves HTTP: restart it if not), {@code /readyz} (it can do its job: database
 * reachable and migrated; send it traffic only then) and {@code /metrics} (Prometheus text format).
 */
public final class OpsRoutes implements RouteModule {
    private final BooleanSupplier databaseReady;
    private final PrometheusMeterRegistry metrics;

    public OpsRoutes(BooleanSupplier databaseReady, PrometheusMeterRegistry metrics) {
        this.databaseReady = databaseReady;
        this.metrics = metrics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
        routes.get("/readyz", this::ready);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
    }

    private void ready(Context ctx) {
        boolean database = safely(databaseReady);
        ctx.status(database ? 200 : 503)
                .json(Map.of(
                        "status",
                        database ? "ready" : "not ready",
                        "checks",
                        Map.of("database", database ? "ok" : "unreachable or not migrated")));
    }

    private static boolean safely(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
