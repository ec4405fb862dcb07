package dev.opsbot.bench;

import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.TempDirs;
import dev.opsbot.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * The database an audit benchmark runs on, migrated and empty: an H2 file database in a fresh directory (the
 * default, what a single opsbot uses), or a fresh schema on the PostgreSQL server {@code --database-url} names.
 * Both are removed afterwards unless {@code --keep}; nothing else on the server is touched.
 */
final class AuditChainDatabase implements AutoCloseable {
    static final Set<String> OPTIONS = Set.of("database-url", "database-user", "database-password");
    static final String USAGE = """
              Database: an H2 file database in a new temporary directory, or with --database-url
              jdbc:postgresql://127.0.0.1:5432/test [--database-user postgres] [--database-password ""] a new schema
              there (dropped afterwards). --keep keeps either.""";

    private final String url;
    private final String user;
    private final String password;
    private final int poolSize;
    private final Path dataDir;
    private final String schema;
    private final String serverUrl;
    private final boolean keep;
    private Database database;

    private AuditChainDatabase(
            String url,
            String user,
            String password,
            int poolSize,
            Path dataDir,
            String schema,
            String serverUrl,
            boolean keep) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.poolSize = poolSize;
        this.dataDir = dataDir;
        this.schema = schema;
        this.serverUrl = serverUrl;
        this.keep = keep;
        this.database = migrated();
    }

    static AuditChainDatabase open(Args args, int poolSize) {
        String serverUrl = args.text("database-url", null);
        boolean keep = args.flag("keep");
        if (serverUrl == null) {
            Path dir = TempDirs.create("opsbot-audit-bench-");
            // no user, as opsbot opens its own H2 file: `opsbot audit` can read a kept database with only
            // database.dataDir set
            return new AuditChainDatabase(Database.defaultH2Url(dir), null, "", poolSize, dir, null, null, keep);
        }
        if (!serverUrl.startsWith("jdbc:postgresql:")) {
            throw new Args.UsageException(
                    "--database-url " + serverUrl + ": use a jdbc:postgresql: URL (H2 is the" + " default without it)");
        }
        String user = args.text("database-user", "postgres");
        String password = args.text("database-password", "");
        String schema =
                "opsbot_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(serverUrl, user, password, "CREATE SCHEMA " + schema);
        String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new AuditChainDatabase(url, user, password, poolSize, null, schema, serverUrl, keep);
    }

    Database database() {
        return database;
    }

    /** "H2 file /tmp/..." or "PostgreSQL jdbc:postgresql://..., schema ...". */
    String describe() {
        return schema == null
                ? "H2 file database in " + dataDir
                : "PostgreSQL " + serverUrl + " (" + serverVersion() + "), schema " + schema;
    }

    String name() {
        return schema == null ? "h2" : "postgresql";
    }

    /** A new pool: H2 closes the database with the last connection, so it starts again from the file. */
    Database reopen() {
        database.close();
        database = new Database(url, user, password, poolSize);
        return database;
    }

    private Database migrated() {
        Database opened = new Database(url, user, password, poolSize);
        opened.migrate();
        return opened;
    }

    private String serverVersion() {
        return String.valueOf(database.dsl().fetchValue("SHOW server_version"));
    }

    @Override
    public void close() {
        database.close();
        if (keep) {
            System.out.println("kept: " + (schema == null ? dataDir : "schema " + schema + " at " + serverUrl));
            return;
        }
        if (schema != null) {
            execute(serverUrl, user, password, "DROP SCHEMA " + schema + " CASCADE");
        } else {
            TempDirs.delete(dataDir);
        }
    }

    private static void execute(String serverUrl, String user, String password, String sql) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection(serverUrl, properties);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed at " + serverUrl + ": " + e.getMessage(), e);
        }
    }
}
