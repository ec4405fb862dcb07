package dev.opsbot.tools.kubernetes;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Turns down the mock API server's and the HTTP stack's debug logging (logback's default is DEBUG for everything),
 * which otherwise fills the test reports and slows the large-namespace test. Done in code so that this package does
 * not impose a logback-test.xml on the other packages of the module.
 */
final class QuietLogs {
    // held strongly: java.util.logging forgets the level of a logger nobody references
    private static final java.util.logging.Logger MOCK_WEB_SERVER =
            java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    static {
        for (String noisy : List.of("io.fabric8", "io.vertx", "io.netty")) {
            ((Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.WARN);
        }
        MOCK_WEB_SERVER.setLevel(java.util.logging.Level.WARNING);
    }

    private QuietLogs() {}

    static void apply() {
        // the static initializer did the work; calling this makes sure it ran
    }
}
