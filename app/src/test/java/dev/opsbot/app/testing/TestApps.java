package dev.opsbot.app.testing;

import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.db.Database;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Configurations for opsbot instances in tests, built through the same loader and environment variables a
 * deployment uses: a free port, and a database of the test's own.
 */
public final class TestApps {
    private TestApps() {}

    /**
     * The defaults with the console on, as the demo has them (alice, bob and mallory, the demo's identity mappings:
     * alice and bob mapped, mallory not), on a free port and a fresh in-memory H2 database.
     */
    public static OpsbotConfig inMemory() {
        String url = Database.inMemoryH2Url("opsbot-" + UUID.randomUUID()) + ";DB_CLOSE_DELAY=-1";
        return onDatabase(url, "sa", "");
    }

    /** The demo's defaults on a free port and the given database (two replicas on one PostgreSQL, say). */
    public static OpsbotConfig onDatabase(String url, String user, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("OPSBOT_PORT", "0");
        env.put("OPSBOT_DATABASE_URL", url);
        env.put("OPSBOT_DATABASE_USER", user);
        if (password != null && !password.isEmpty()) {
            env.put("OPSBOT_DATABASE_PASSWORD", password);
        }
        return ConfigLoader.load(null, env).withConsoleEnabled().withDemoPeopleUnlessMapped();
    }
}
