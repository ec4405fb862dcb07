package dev.opsbot.bench.internal;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.core.console.ConsoleStore;
import dev.opsbot.core.store.EventLedger;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * opsbot started in this JVM from the same configuration path as {@code opsbot serve}: defaults plus the
 * documented environment variables. Without a database URL it uses a fresh H2 file database (the default storage)
 * in a temporary data directory.
 */
public final class InProcessOpsbot implements AutoCloseable {
    private final OpsbotApplication app;
    private final Path dataDir;
    private final boolean keepData;

    private InProcessOpsbot(OpsbotApplication app, Path dataDir, boolean keepData) {
        this.app = app;
        this.dataDir = dataDir;
        this.keepData = keepData;
    }

    /** @param databaseUrl a JDBC URL, or null for H2 under a fresh data directory */
    public static InProcessOpsbot start(String databaseUrl, String user, String password, boolean keepData) {
        Path dataDir = TempDirs.create("opsbot-load-data-");
        Map<String, String> env = new HashMap<>();
        env.put("OPSBOT_PORT", String.valueOf(FreePort.pick()));
        env.put("OPSBOT_DATA_DIR", dataDir.toString());
        putIfSet(env, "OPSBOT_DATABASE_URL", databaseUrl);
        putIfSet(env, "OPSBOT_DATABASE_USER", user);
        putIfSet(env, "OPSBOT_DATABASE_PASSWORD", password);
        OpsbotConfig config = ConfigLoader.load(null, env).withConsoleEnabled();
        return new InProcessOpsbot(OpsbotApplication.start(config), dataDir, keepData);
    }

    private static void putIfSet(Map<String, String> env, String name, String value) {
        if (value != null && !value.isBlank()) {
            env.put(name, value);
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    public OpsbotApplication app() {
        return app;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Reads the stores directly: counts and the ledger are visible here, unlike over HTTP. */
    public StoreView view() {
        ConsoleStore console = app.stores().console();
        EventLedger ledger = app.stores().eventLedger();
        return new StoreView() {
            @Override
            public List<ConsoleClient.Message> thread(String threadId) {
                return console.thread(threadId).stream()
                        .map(m -> new ConsoleClient.Message(m.id(), m.user(), m.text(), m.ts()))
                        .toList();
            }

            @Override
            public OptionalLong storedMessages() {
                return OptionalLong.of(console.count());
            }

            @Override
            public OptionalLong pendingEvents() {
                return OptionalLong.of(ledger.countPending());
            }
        };
    }

    @Override
    public void close() {
        app.close();
        if (!keepData) {
            TempDirs.delete(dataDir);
        }
    }
}
