package dev.opsbot.app;

import dev.opsbot.app.config.DatabaseConfig;
import dev.opsbot.db.Database;

/** Opens and migrates the configured database: H2 under the data directory unless a URL is given. */
final class Databases {
    private Databases() {}

    static Database open(DatabaseConfig config) {
        String url = config.url() != null ? config.url() : Database.defaultH2Url(config.dataDir());
        String password = config.password() == null ? "" : config.password().value();
        Database database = new Database(url, config.user(), password, config.poolSize());
        try {
            database.migrate();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }
}
