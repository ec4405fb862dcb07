package dev.opsbot.scenario.internal;

import dev.opsbot.scenario.ScenarioException;
import dev.opsbot.tools.prometheus.OpenMetricsFormatException;
import dev.opsbot.tools.prometheus.OpenMetricsParser;
import dev.opsbot.tools.prometheus.Sample;
import java.util.List;

/** Parses OpenMetrics text, turning the parser's file-and-line complaint into a {@link ScenarioException}. */
public final class MetricsCheck {
    private MetricsCheck() {}

    public static List<Sample> parse(String text, String displayName) {
        try {
            return OpenMetricsParser.parse(displayName, text);
        } catch (OpenMetricsFormatException e) {
            String prefix = e.fileName() + " line " + e.line() + ": ";
            String problem =
                    e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            throw new ScenarioException(displayName, e.line(), problem, e);
        }
    }
}
