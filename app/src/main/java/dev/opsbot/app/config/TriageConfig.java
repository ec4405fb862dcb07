package dev.opsbot.app.config;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How an investigation runs: which namespace a question that names none is about, how far back it looks, and its
 * deadlines. Each source gets {@code sourceTimeout}; the whole investigation, following downstream services
 * included, gets {@code budget}, after which triage answers with the evidence it has.
 *
 * @param defaultNamespace the namespace of a question that names none ("why is checkout 5xx?"); a DNS-1123 label
 * @param window how far back triage looks for symptoms and changes, 5m to 24h
 * @param sourceTimeout each source's deadline, 100ms to 60s
 * @param budget the whole investigation's deadline, from {@code sourceTimeout} to 5m
 */
public record TriageConfig(String defaultNamespace, Duration window, Duration sourceTimeout, Duration budget) {
    public static final String DEFAULT_NAMESPACE = "default";
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    public static final Duration DEFAULT_SOURCE_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(20);

    static final DurationRule WINDOW = new DurationRule(Duration.ofMinutes(5), Duration.ofHours(24));
    static final DurationRule SOURCE_TIMEOUT = new DurationRule(Duration.ofMillis(100), Duration.ofSeconds(60));
    static final Duration MAX_BUDGET = Duration.ofMinutes(5);
    // Kubernetes' own rule for namespace names (RFC 1123 label)
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public TriageConfig {
        defaultNamespace = Checks.text("triage.defaultNamespace", defaultNamespace, "use a namespace such as default");
        if (!DNS_LABEL.matcher(defaultNamespace).matches()) {
            throw new ConfigException(
                    "triage.defaultNamespace",
                    defaultNamespace,
                    "is not a Kubernetes namespace name",
                    "use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit");
        }
        window = WINDOW.check("triage.window", window);
        sourceTimeout = SOURCE_TIMEOUT.check("triage.sourceTimeout", sourceTimeout);
        budget = checkBudget(budget, sourceTimeout);
    }

    public static TriageConfig defaults() {
        return new TriageConfig(DEFAULT_NAMESPACE, DEFAULT_WINDOW, DEFAULT_SOURCE_TIMEOUT, DEFAULT_BUDGET);
    }

    private static Duration checkBudget(Duration budget, Duration sourceTimeout) {
        String timeout = Durations.format(sourceTimeout);
        String range = "use a duration from triage.sourceTimeout (" + timeout + ") to " + Durations.format(MAX_BUDGET);
        if (budget == null) {
            throw new ConfigException("triage.budget", null, "is not set", range);
        }
        if (budget.compareTo(sourceTimeout) < 0) {
            throw new ConfigException(
                    "triage.budget",
                    Durations.format(budget),
                    "is shorter than triage.sourceTimeout (" + timeout + "), so no source would get its full time",
                    "make triage.budget at least " + timeout + ", or lower triage.sourceTimeout");
        }
        if (budget.compareTo(MAX_BUDGET) > 0) {
            throw new ConfigException(
                    "triage.budget", Durations.format(budget), "is longer than " + Durations.format(MAX_BUDGET), range);
        }
        return budget;
    }

    static TriageConfig from(ConfigNode node) {
        TriageConfig config = new TriageConfig(
                node.string("defaultNamespace", DEFAULT_NAMESPACE),
                node.duration("window", DEFAULT_WINDOW, WINDOW),
                node.duration("sourceTimeout", DEFAULT_SOURCE_TIMEOUT, SOURCE_TIMEOUT),
                node.duration("budget", DEFAULT_BUDGET));
        node.rejectUnknown();
        return config;
    }
}
