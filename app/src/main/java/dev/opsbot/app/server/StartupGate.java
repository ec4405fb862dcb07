package dev.opsbot.app.server;

import io.javalin.http.Context;

/**
 * Answers API requests with 503 while opsbot is still starting (the HTTP server comes up while the database
 * migrates, to start faster). Health, readiness and metrics stay open: probes must see "alive, not ready".
 */
public final class StartupGate {
    private volatile boolean open;

    public void open() {
        open = true;
    }

    public boolean isOpen() {
        return open;
    }

    void check(Context ctx) {
        if (!open && ctx.path().startsWith("/api/")) {
            throw new Starting();
        }
    }

    /** Answered with 503 and Retry-After. */
    static final class Starting extends dev.opsbot.core.OpsbotException {
        Starting() {
            super("opsbot is starting: its database is being migrated; try again in a moment");
        }
    }
}
