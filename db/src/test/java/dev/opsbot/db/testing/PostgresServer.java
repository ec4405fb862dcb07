package dev.opsbot.db.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server tests run against: {@code OPSBOT_TEST_PG_URL}, {@code OPSBOT_TEST_PG_USER} and
 * {@code OPSBOT_TEST_PG_PASSWORD}, by default the local server's database {@code test} as {@code postgres}. Tests
 * never touch its existing tables: each works in a schema of its own, created here and dropped afterwards.
 */
final class PostgresServer {
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final PostgresServer FROM_ENVIRONMENT = new PostgresServer(
            envOr("OPSBOT_TEST_PG_URL", DEFAULT_URL),
            envOr("OPSBOT_TEST_PG_USER", "postgres"),
            envOr("OPSBOT_TEST_PG_PASSWORD", ""));
    // schemas a test forgot to drop (it crashed, or never closed its database): dropped when the JVM ends
    private static final Set<String> LIVE_SCHEMAS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::dropForgottenSchemas, "drop-test-schemas"));
    }

    private final String url;
    private final String user;
    private final String password;
    private volatile String unreachableBecause;
    private volatile boolean checked;

    private PostgresServer(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static PostgresServer fromEnvironment() {
        return FROM_ENVIRONMENT;
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** {@code url} pointed at one schema: PostgreSQL's driver sets the search_path from {@code currentSchema}. */
    String urlFor(String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    boolean answers() {
        if (!checked) {
            try (Connection connection = connect()) {
                unreachableBecause = connection.isValid(3) ? null : "the connection did not answer a ping";
            } catch (SQLException e) {
                unreachableBecause = e.getMessage();
            }
            checked = true;
        }
        return unreachableBecause == null;
    }

    /** Skips the calling test when no server answers; on CI ({@code CI=true}) fails it instead. */
    void requireAnswer() {
        if (answers()) {
            return;
        }
        String message = "PostgreSQL at " + url + " (user " + user + ") did not answer ("
                + unreachableBecause.replaceFirst("\\.*$", "")
                + "). Start it (pg_ctlcluster --skip-systemctl-redirect <version> main start) or point"
                + " OPSBOT_TEST_PG_URL, OPSBOT_TEST_PG_USER, OPSBOT_TEST_PG_PASSWORD at one.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + " CI=true: PostgreSQL tests must run there, so this fails.");
        }
        Assumptions.abort(message + " PostgreSQL tests skipped (on CI, with CI=true, they fail instead).");
    }

    void createSchema(String schema) {
        try (Connection connection = connect()) {
            DSL.using(connection, SQLDialect.POSTGRES).createSchema(schema).execute();
            LIVE_SCHEMAS.add(schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + schema + " at " + url + ": " + e, e);
        }
    }

    void dropSchema(String schema) {
        try (Connection connection = connect()) {
            DSL.using(connection, SQLDialect.POSTGRES)
                    .dropSchemaIfExists(schema)
                    .cascade()
                    .execute();
            LIVE_SCHEMAS.remove(schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop schema " + schema + " at " + url + ": " + e, e);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }

    private static void dropForgottenSchemas() {
        for (String schema : Set.copyOf(LIVE_SCHEMAS)) {
            try {
                FROM_ENVIRONMENT.dropSchema(schema);
            } catch (RuntimeException e) {
                System.err.println("left test schema behind: " + e.getMessage());
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
