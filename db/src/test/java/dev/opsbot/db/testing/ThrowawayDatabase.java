package dev.opsbot.db.testing;

import dev.opsbot.db.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An empty database that exists for one test (class) and is gone after {@link #close()}: a named in-memory H2, or
 * a fresh schema on the test PostgreSQL server. Several {@link Database} pools can be {@linkplain #open opened} on
 * it, as several opsbot replicas would be; {@link #jdbcUrl()} and the credentials let a test hand it to an opsbot
 * process ({@code OPSBOT_DATABASE_URL}, ...).
 */
public final class ThrowawayDatabase implements AutoCloseable {
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Disposal disposal;
    private final List<Database> opened = new CopyOnWriteArrayList<>();

    private interface Disposal {
        void dispose() throws Exception;
    }

    private ThrowawayDatabase(String jdbcUrl, String user, String password, Disposal disposal) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.disposal = disposal;
    }

    /** A named in-memory H2 in PostgreSQL mode, kept alive by one connection until closed. */
    public static ThrowawayDatabase h2() {
        String url = Database.inMemoryH2Url("opsbot-test-" + UUID.randomUUID());
        try {
            Connection keepAlive = DriverManager.getConnection(url, "sa", "");
            return new ThrowawayDatabase(url, "sa", "", keepAlive::close);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create in-memory H2 database " + url + ": " + e, e);
        }
    }

    /**
     * A fresh schema on the test PostgreSQL server, dropped on close. Skips the calling test when no server
     * answers, fails it when {@code CI=true}.
     */
    public static ThrowawayDatabase postgres() {
        PostgresServer server = PostgresServer.fromEnvironment();
        server.requireAnswer();
        String schema =
                "opsbot_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        server.createSchema(schema);
        return new ThrowawayDatabase(
                server.urlFor(schema), server.user(), server.password(), () -> server.dropSchema(schema));
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A new pool on this database, migrated (as every opsbot replica migrates at start); closed with this. */
    public Database open(int poolSize) {
        Database database = new Database(jdbcUrl, user, password, poolSize);
        opened.add(database);
        database.migrate();
        return database;
    }

    /** Closes every pool opened here, then drops the database. */
    @Override
    public void close() {
        opened.forEach(Database::close);
        try {
            disposal.dispose();
        } catch (Exception e) {
            throw new IllegalStateException("could not dispose of test database " + jdbcUrl + ": " + e, e);
        }
    }
}
