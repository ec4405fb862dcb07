package dev.opsbot.app.config;

import java.util.Map;

/**
 * The one place in opsbot that reads the process environment. Everything else takes a {@code Map} of variables,
 * so tests pass their own and never depend on the machine they run on.
 */
public final class Environment {
    private Environment() {}

    /** A snapshot of this process's environment variables. */
    public static Map<String, String> variables() {
        return Map.copyOf(System.getenv());
    }
}
