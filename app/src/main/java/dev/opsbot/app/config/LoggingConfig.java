package dev.opsbot.app.config;

import java.util.List;
import java.util.Locale;

/**
 * How opsbot logs: {@code text} for people at a terminal, {@code json} (one object per line) for log collectors.
 *
 * @param format {@code text} or {@code json}
 * @param level {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN} or {@code ERROR}, upper case
 */
public record LoggingConfig(String format, String level) {
    public static final String TEXT = "text";
    public static final String JSON = "json";
    public static final String DEFAULT_LEVEL = "INFO";

    private static final List<String> FORMATS = List.of(TEXT, JSON);
    private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");

    public LoggingConfig {
        format = Checks.oneOf("logging.format", format, "a log format", FORMATS);
        level = Checks.oneOf("logging.level", level, "a log level", LEVELS).toUpperCase(Locale.ROOT);
    }

    public static LoggingConfig defaults() {
        return new LoggingConfig(TEXT, DEFAULT_LEVEL);
    }

    static LoggingConfig from(ConfigNode node) {
        LoggingConfig config = new LoggingConfig(node.string("format", TEXT), node.string("level", DEFAULT_LEVEL));
        node.rejectUnknown();
        return config;
    }
}
