package dev.opsbot.tools.guard;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Turns the mock API server's and the HTTP stack's debug logging down, as the kubernetes package's tests do. */
final class Quiet {
    // held strongly: java.util.logging forgets the level of a logger nobody references
    private static final java.util.logging.Logger MOCK_WEB_SERVER =
            java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    static {
        for (String noisy : List.of("io.fabric8", "io.vertx", "io.netty", "org.eclipse.jetty", "wiremock")) {
            ((Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.WARN);
        }
        MOCK_WEB_SERVER.setLevel(java.util.logging.Level.WARNING);
    }

    private Quiet() {}

    static void logs() {
        // the static initializer did the work; calling this makes sure it ran
    }
}
