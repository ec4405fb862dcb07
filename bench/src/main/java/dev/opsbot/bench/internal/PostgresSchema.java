package dev.opsbot.bench.internal;

import dev.opsbot.db.Database;
import java.util.UUID;

/**
 * A schema of a driver's own on a shared PostgreSQL server, created empty and dropped afterwards: several opsbot
 * replicas point at it ({@link #jdbcUrl()}) as they would at one database, and nothing else on the server is touched.
 */
public final class PostgresSchema implements AutoCloseable {
    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;
    private final boolean keep;

    private PostgresSchema(String serverUrl, String user, String password, String name, boolean keep) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name = name;
        this.keep = keep;
    }

    /** Creates {@code <prefix><12 hex digits>}; {@code keep} leaves it there on close (with a line saying so). */
    public static PostgresSchema create(String serverUrl, String user, String password, String prefix, boolean keep) {
        if (!serverUrl.startsWith("jdbc:postgresql:")) {
            throw new Args.UsageException("--database-url " + serverUrl + ": use a jdbc:postgresql: URL");
        }
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PostgresSchema schema = new PostgresSchema(serverUrl, user, password, name, keep);
        schema.onServer("CREATE SCHEMA " + name);
        return schema;
    }

    /** The server's URL with {@code currentSchema}: PostgreSQL's driver sets the search path from it. */
    public String jdbcUrl() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** "jdbc:postgresql://... (PostgreSQL 16.4), schema opsbot_soak_...". */
    public String describe() {
        try (Database server = new Database(serverUrl, user, password, 1)) {
            return serverUrl + " (PostgreSQL " + server.dsl().fetchValue("SHOW server_version") + "), schema " + name;
        }
    }

    private void onServer(String sql) {
        try (Database server = new Database(serverUrl, user, password, 1)) {
            server.dsl().execute(sql);
        } catch (RuntimeException e) {
            throw new IllegalStateException(sql + " failed at " + serverUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (keep) {
            System.out.println("kept: schema " + name + " at " + serverUrl);
            return;
        }
        onServer("DROP SCHEMA " + name + " CASCADE");
    }
}
