package dev.opsbot.tools.cloudwatch;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.Sample;
import dev.opsbot.core.triage.SignalName;
import dev.opsbot.core.triage.SignalSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Reads the named signals from CloudWatch with {@code GetMetricData} over the window at a 60 s period, one request
 * per signal, as the acting person. Which metrics mean what is the {@link SignalDefinition} configured per signal
 * ({@link CloudWatchDefaults#signals()} when none is).
 */
public final class CloudWatchSignals {
    public static final String SOURCE = "cloudwatch";
    public static final Duration PERIOD = Duration.ofSeconds(60);
    /** Result pages followed per request (a page holds 100,800 points, so one is the rule). */
    static final int MAX_PAGES = 3;

    private final CloudWatchConnection connection;
    private final Map<SignalName, SignalDefinition> definitions;
    private final TemplateVariables variables;

    public CloudWatchSignals(
            CloudWatchConnection connection,
            Map<SignalName, SignalDefinition> definitions,
            TemplateVariables variables) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.definitions = definitions.isEmpty() ? Map.of() : new EnumMap<>(definitions);
        this.variables = Objects.requireNonNull(variables, "variables");
    }

    /** The signals this deployment has definitions for. */
    public Set<SignalName> configured() {
        return definitions.keySet();
    }

    /**
     * The series of one signal for a service over [from, to], oldest sample first; empty when CloudWatch has no
     * datapoints. A service-level definition gives one series without labels; a {@code SEARCH} may give several,
     * labelled {@code series}.
     */
    public List<SignalSeries> read(
            SignalName signal, String service, String namespace, Instant from, Instant to, ToolContext context) {
        SignalDefinition definition = definitions.get(signal);
        if (definition == null) {
            throw new SourceFailure(
                    SOURCE,
                    SourceFailure.Kind.BAD_REQUEST,
                    "cloudwatch has no definition for " + signal.jsonName(),
                    null);
        }
        Map<String, String> values = variables.forTarget(service, namespace);
        GetMetricDataRequest request = MetricQueries.request(signal, definition, values, from, to, PERIOD);
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        String nextToken = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            GetMetricDataResponse response = call(request.toBuilder().nextToken(nextToken), context);
            for (MetricDataResult result : response.metricDataResults()) {
                // a SEARCH answers several results under one id, told apart by their labels
                String label = result.label() == null ? result.id() : result.label();
                String key = result.id() + "\u0000" + label;
                labels.putIfAbsent(key, label);
                List<Sample> series = samples.computeIfAbsent(key, id -> new ArrayList<>());
                for (int i = 0;
                        i < Math.min(result.timestamps().size(), result.values().size());
                        i++) {
                    series.add(new Sample(
                            result.timestamps().get(i), result.values().get(i)));
                }
            }
            nextToken = response.nextToken();
            if (nextToken == null || nextToken.isEmpty()) {
                break;
            }
        }
        return toSeries(signal, samples, labels);
    }

    private GetMetricDataResponse call(GetMetricDataRequest.Builder request, ToolContext context) {
        return connection
                .metrics()
                .call(
                        context,
                        "cloudwatch:GetMetricData",
                        (client, asActor) -> client.getMetricData(request.scanBy(ScanBy.TIMESTAMP_ASCENDING)
                                .overrideConfiguration(asActor)
                                .build()));
    }

    private static List<SignalSeries> toSeries(
            SignalName signal, Map<String, List<Sample>> samples, Map<String, String> labels) {
        List<SignalSeries> series = new ArrayList<>();
        boolean several = samples.values().stream().filter(s -> !s.isEmpty()).count() > 1;
        samples.forEach((id, points) -> {
            if (points.isEmpty()) {
                return;
            }
            List<Sample> ordered = new ArrayList<>(points);
            ordered.sort(Comparator.comparing(Sample::at));
            Map<String, String> seriesLabels = several ? Map.of("series", labels.get(id)) : Map.of();
            series.add(new SignalSeries(signal, SOURCE, seriesLabels, ordered));
        });
        return series;
    }
}
