package dev.opsbot.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.opsbot.db.internal.JdbcUrls;
import dev.opsbot.db.internal.Migrations;
import dev.opsbot.db.internal.Pools;
import dev.opsbot.db.internal.SqlErrorListener;
import dev.opsbot.db.internal.SqlErrors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * opsbot's database: a connection pool, its Flyway migrations and the jOOQ context the stores run on. H2 (the
 * default, a file database in PostgreSQL mode) or PostgreSQL, picked by the JDBC URL.
 *
 * <p>Not final only so that test helpers can tie a throwaway schema's removal to {@link #close()}.
 */
public class Database implements AutoCloseable {
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    // H2 speaking PostgreSQL's dialect, names folded to lower case and NULLs sorted as PostgreSQL sorts them
    private static final String H2_POSTGRES_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    static {
        // jOOQ's banner and tips do not belong in a server's log
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final String safeUrl;
    private final SQLDialect dialect;
    private final HikariDataSource pool;
    private final Migrations migrations;
    private final DSLContext dsl;
    private volatile boolean migrationsComplete;

    /** Opens the pool; nothing is asked of the database yet, so this succeeds while it is down. */
    public Database(String jdbcUrl, String user, String password, int poolSize) {
        this(jdbcUrl, user, password, poolSize, CONNECTION_TIMEOUT);
    }

    Database(String jdbcUrl, String user, String password, int poolSize, Duration connectionTimeout) {
        if (poolSize < 1) {
            throw new DatabaseException("database pool size must be at least 1, was " + poolSize, false, null);
        }
        this.safeUrl = JdbcUrls.withoutPassword(jdbcUrl);
        this.dialect = JdbcUrls.dialect(jdbcUrl);
        this.migrations = new Migrations(jdbcUrl, user, password, safeUrl);
        this.pool = Pools.open(jdbcUrl, user, password, poolSize, connectionTimeout);
        this.dsl = DSL.using(new DefaultConfiguration()
                .set(pool)
                .set(dialect)
                // unquoted, so names fold the way the database folded them when Flyway created the tables,
                // whatever an H2 URL says about DATABASE_TO_LOWER
                .set(new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER))
                .set(new SqlErrorListener(safeUrl)));
    }

    /** The file database {@code opsbot} under {@code dataDir}: H2 in PostgreSQL mode, closed by us, not by the JVM. */
    public static String defaultH2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("opsbot") + H2_POSTGRES_MODE
                + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** A named in-memory H2 database in PostgreSQL mode; it lives while a connection to it is open (tests). */
    public static String inMemoryH2Url(String name) {
        return "jdbc:h2:mem:" + name + H2_POSTGRES_MODE;
    }

    /** Applies the pending migrations of {@code classpath:db/migrations}; replicas may run this at once. */
    public void migrate() {
        requireAnswer();
        migrations.apply();
        migrationsComplete = true;
    }

    /**
     * {@code true} when a connection answers and no migration is pending (for {@code /readyz}). Once the
     * migrations were seen complete they are not asked again, so this costs one pooled round trip.
     */
    public boolean ready() {
        try (Connection connection = pool.getConnection()) {
            if (!connection.isValid(1)) {
                return false;
            }
        } catch (SQLException e) {
            log.debug("database at {} is not ready: {}", safeUrl, e.getMessage());
            return false;
        }
        if (!migrationsComplete) {
            migrationsComplete = migrations.noneIsPending();
        }
        return migrationsComplete;
    }

    private void requireAnswer() {
        try (Connection connection = pool.getConnection()) {
            connection.isValid(1);
        } catch (SQLException e) {
            throw SqlErrors.unavailable(e, safeUrl);
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** The JDBC URL with any password masked: safe for messages and logs. */
    public String url() {
        return safeUrl;
    }

    @Override
    public void close() {
        pool.close();
    }
}
