package dev.opsbot.db.internal;

import dev.opsbot.db.DatabaseException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Flyway scripts of {@code classpath:db/migrations}, applied to one database. */
public final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private final Flyway flyway;
    private final String safeUrl;

    public Migrations(String jdbcUrl, String user, String password, String safeUrl) {
        // Flyway connects by itself: it holds two connections while migrating, more than a small pool may have.
        // It masks credentials in the URLs it logs.
        this.flyway = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migrations")
                .failOnMissingLocations(true)
                .load();
        this.safeUrl = safeUrl;
    }

    /** Applies what is pending; Flyway's lock lets replicas starting together do this at once. */
    private static final java.time.Duration CONCURRENT_MIGRATION_WAIT = java.time.Duration.ofSeconds(10);

    public void apply() {
        try {
            MigrateResult result = flyway.migrate();
            log.info(
                    "database at {} is at schema version {} ({} migration(s) applied just now)",
                    safeUrl,
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            // Replicas starting together race to create the schema; on H2 Flyway's lock does not cover creating its
            // own history table, so the loser fails on "table already exists". If the winner finished, so did we.
            if (migratedByAnother()) {
                log.info("database at {} was migrated by another replica at the same time", safeUrl);
                return;
            }
            throw new DatabaseException(
                    "migrating the database at " + safeUrl + " failed: " + e.getMessage(), false, e);
        }
    }

    /** Waits a little for a concurrent migration to finish; {@code true} when it did. */
    private boolean migratedByAnother() {
        long deadline = System.nanoTime() + CONCURRENT_MIGRATION_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (noneIsPending()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return noneIsPending();
    }

    /** {@code false} when a migration is pending or the question could not be answered. */
    public boolean noneIsPending() {
        try {
            return flyway.info().pending().length == 0;
        } catch (FlywayException e) {
            log.debug("database at {} is not ready: {}", safeUrl, e.getMessage());
            return false;
        }
    }
}
