package dev.opsbot.app.config;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $namespace} and {@code $service} in queries and names that a source fills in for each investigation.
 * Anything else written like a placeholder would reach Prometheus or CloudWatch as it stands ({@code $servce},
 * Grafana's {@code $__rate_interval}) and fail only during an incident, so it is refused at start. The
 * {@code ${service}} form is refused too: in this file {@code ${...}} means an environment variable.
 */
final class Placeholders {
    static final List<String> NAMES = List.of("namespace", "service");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(?:\\{([A-Za-z_]\\w*)}|([A-Za-z_]\\w*))");

    private Placeholders() {}

    /** {@code value} when every placeholder in it is one of {@link #NAMES}, written {@code $name}. */
    static String check(String key, String value) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        while (placeholder.find()) {
            boolean braced = placeholder.group(1) != null;
            String name = braced ? placeholder.group(1) : placeholder.group(2);
            boolean known = NAMES.contains(name);
            if (known && !braced) {
                continue;
            }
            String fix = known
                    ? "write $" + name + " (${...} is an environment variable in this file)"
                    : Suggestions.closest(name, NAMES)
                            .map(match -> "did you mean $" + match + "?")
                            .orElse("use $namespace or $service, which triage fills in");
            throw new ConfigException(
                    key,
                    value,
                    "uses the placeholder " + placeholder.group() + (known ? "" : ", which is not known"),
                    fix);
        }
        return value;
    }
}
