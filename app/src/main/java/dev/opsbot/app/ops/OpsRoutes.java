package dev.opsbot.app.ops;

import dev.opsbot.app.server.RouteModule;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (the process serves HTTP: restart it if not), {@code /readyz} (every readiness check passes:
 * send it traffic only then) and {@code /metrics} (Prometheus text format).
 */
public final class OpsRoutes implements RouteModule {
    private final Map<String, BooleanSupplier> readinessChecks;
    private final PrometheusMeterRegistry metrics;

    /** @param readinessChecks by name, e.g. {@code startup} and {@code database}, in the order to report them */
    public OpsRoutes(Map<String, BooleanSupplier> readinessChecks, PrometheusMeterRegistry metrics) {
        this.readinessChecks = new LinkedHashMap<>(readinessChecks);
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
        Map<String, String> results = new LinkedHashMap<>();
        boolean allPass = true;
        for (var check : readinessChecks.entrySet()) {
            boolean pass = safely(check.getValue());
            results.put(check.getKey(), pass ? "ok" : "failing");
            allPass &= pass;
        }
        ctx.status(allPass ? 200 : 503).json(Map.of("status", allPass ? "ready" : "not ready", "checks", results));
    }

    private static boolean safely(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
