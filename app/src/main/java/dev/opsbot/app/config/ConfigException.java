package dev.opsbot.app.config;

import dev.opsbot.core.OpsbotException;

/**
 * A configuration that opsbot refuses to start with. The message is one sentence a person can act on:
 * {@code server.port: "80a" is not a port number (0 picks a free one); use a number from 0 to 65535}.
 *
 * <p>The key is kept apart from the text so the loader can say where a value came from (an environment variable
 * rather than the file) without every check having to know. Values of secrets are never put in a message.
 */
public class ConfigException extends OpsbotException {
    private final String key;
    private final String value;
    private final String problem;
    private final String fix;

    public ConfigException(String key, String value, String problem, String fix) {
        this(key, null, value, problem, fix, null);
    }

    private ConfigException(String key, String source, String value, String problem, String fix, Throwable cause) {
        super(format(key, source, value, problem, fix), false, cause);
        this.key = key;
        this.value = value;
        this.problem = problem;
        this.fix = fix;
    }

    /** A failure that belongs to no single key, such as a file that cannot be parsed; {@code subject} says where. */
    static ConfigException about(String subject, String problem, String fix, Throwable cause) {
        return new ConfigException(subject, null, null, problem, fix, cause);
    }

    /** The dotted key at fault ({@code server.port}, {@code console.users[1].id}), or what failed when no key did. */
    public String key() {
        return key;
    }

    /** The offending value as written, or {@code null} when it was missing or is secret. */
    public String value() {
        return value;
    }

    /** The same failure, saying that the value came from {@code source} (an environment variable) and not the file. */
    ConfigException from(String source) {
        if (source == null) {
            return this;
        }
        return new ConfigException(key, source, value, problem, fix, getCause());
    }

    private static String format(String key, String source, String value, String problem, String fix) {
        StringBuilder message = new StringBuilder(key);
        if (source != null) {
            message.append(" (set by ").append(source).append(')');
        }
        message.append(": ");
        if (value != null) {
            message.append('"').append(value).append("\" ");
        }
        return message.append(problem).append("; ").append(fix).toString();
    }
}
