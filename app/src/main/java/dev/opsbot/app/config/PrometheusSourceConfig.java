package dev.opsbot.app.config;

import dev.opsbot.core.triage.SignalName;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus (or anything that answers its HTTP API: Thanos, Mimir, VictoriaMetrics) as the source of the named
 * signals. On when a URL is set.
 *
 * @param url the server's base URL; {@code null} turns the source off
 * @param token a bearer token, or {@code null} for none
 * @param step the resolution of range queries, 5s to 5m
 * @param signals PromQL that replaces the built-in query of a signal, by its name ({@code error_ratio}, ...);
 *     only the overrides, so an empty map means the built-in queries. {@code $namespace} and {@code $service} are
 *     filled in per investigation.
 */
public record PrometheusSourceConfig(String url, Secret token, Duration step, Map<String, String> signals) {
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(30);
    /** The names a query may be configured for: the signals triage knows, as {@link SignalName#jsonName()}. */
    public static final List<String> SIGNALS =
            Arrays.stream(SignalName.values()).map(SignalName::jsonName).toList();

    static final DurationRule STEP = new DurationRule(Duration.ofSeconds(5), Duration.ofMinutes(5));
    private static final String SIGNALS_KEY = "sources.prometheus.signals";

    public PrometheusSourceConfig {
        url = Checks.httpUrl("sources.prometheus.url", url, "http://prometheus.monitoring:9090");
        step = STEP.check("sources.prometheus.step", step);
        signals = checkSignals(signals == null ? Map.of() : signals);
    }

    public static PrometheusSourceConfig defaults() {
        return new PrometheusSourceConfig(null, null, DEFAULT_STEP, Map.of());
    }

    /** Whether opsbot should query Prometheus at all. */
    public boolean enabled() {
        return url != null;
    }

    private static Map<String, String> checkSignals(Map<String, String> signals) {
        for (String name : signals.keySet().stream().sorted().toList()) {
            if (!SIGNALS.contains(name)) {
                throw Suggestions.unknownKey(SIGNALS_KEY, name, SIGNALS);
            }
        }
        Map<String, String> checked = new LinkedHashMap<>();
        for (String name : SIGNALS) {
            if (signals.containsKey(name)) {
                String key = SIGNALS_KEY + "." + name;
                String query = Checks.blankToNull(signals.get(name));
                if (query == null) {
                    throw new ConfigException(
                            key,
                            null,
                            "is empty",
                            "write the PromQL for " + name + ", or leave " + name + " out for the built-in query");
                }
                checked.put(name, Placeholders.check(key, query));
            }
        }
        return Collections.unmodifiableMap(checked);
    }

    static PrometheusSourceConfig from(ConfigNode node) {
        String url = node.text("url");
        Secret token = node.secret("token");
        Duration step = node.duration("step", DEFAULT_STEP, STEP);
        PrometheusSourceConfig config =
                new PrometheusSourceConfig(url, token, step, signalsFrom(node.section("signals")));
        node.rejectUnknown();
        return config;
    }

    private static Map<String, String> signalsFrom(ConfigNode node) {
        Map<String, String> signals = new LinkedHashMap<>();
        for (String name : SIGNALS) {
            String query = node.writtenText(name);
            if (query != null) {
                signals.put(name, query);
            }
        }
        node.rejectUnknown();
        return signals;
    }
}
