package dev.opsbot.app;

import dev.opsbot.app.config.DatabaseConfig;
import dev.opsbot.core.OpsbotException;
import dev.opsbot.db.Database;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The configured database: H2 under the data directory unless a URL is given. */
public final class Databases {
    private Databases() {}

    /** The pool, not yet connected, sized as configured. */
    static Database create(DatabaseConfig config) {
        return create(config, config.poolSize());
    }

    /** The pool with {@code poolSize} connections (a one-off command needs few). */
    public static Database create(DatabaseConfig config, int poolSize) {
        String url = config.url() != null ? config.url() : Database.defaultH2Url(config.dataDir());
        String password = config.password() == null ? "" : config.password().value();
        return new Database(url, config.user(), password, poolSize);
    }

    /** Waits for a migration started elsewhere and rethrows its failure as it was. */
    static void await(CompletableFuture<Void> migrated) {
        try {
            migrated.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new OpsbotException("migrating the database failed: " + e.getCause(), false, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsbotException("interrupted while the database was being migrated", false, e);
        }
    }
}
