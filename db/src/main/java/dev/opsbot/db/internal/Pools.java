package dev.opsbot.db.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/** The HikariCP pool opsbot runs on. */
public final class Pools {
    private Pools() {}

    public static HikariDataSource open(
            String jdbcUrl, String user, String password, int poolSize, Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("opsbot-db");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        // Start even when the database is down: /readyz reports it and migrate() fails with a clear message,
        // instead of the constructor throwing Hikari's own words.
        config.setInitializationFailTimeout(-1);
        // A request, and /readyz, give up on an unreachable database after this long instead of Hikari's 30 s.
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setValidationTimeout(Math.min(1_000, connectionTimeout.toMillis()));
        return new HikariDataSource(config);
    }
}
