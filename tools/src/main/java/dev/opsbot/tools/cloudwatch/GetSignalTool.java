package dev.opsbot.tools.cloudwatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.tool.ToolSpec;
import dev.opsbot.core.triage.Sample;
import dev.opsbot.core.triage.SignalName;
import dev.opsbot.core.triage.SignalSeries;
import dev.opsbot.tools.http.Arguments;
import dev.opsbot.tools.http.Json;
import dev.opsbot.tools.http.JsonSchema;
import dev.opsbot.tools.http.ReadTool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code cloudwatch.get_signal}: one named signal of a service over the last N minutes, from CloudWatch metrics. */
public final class GetSignalTool extends ReadTool {
    static final int MAX_MINUTES = 24 * 60;
    /** At most this many (most recent) samples per series are returned; min, max and last cover the rest. */
    static final int MAX_SAMPLES = 120;

    private final CloudWatchSignals signals;
    private final List<String> names;

    public GetSignalTool(CloudWatchSignals signals) {
        this(
                signals,
                signals.configured().stream().sorted().map(SignalName::jsonName).toList());
    }

    private GetSignalTool(CloudWatchSignals signals, List<String> names) {
        super(new ToolSpec(
                "cloudwatch.get_signal",
                CloudWatchSignals.SOURCE,
                "Reads one named signal of a service from CloudWatch metrics at a 60 s period over the last N"
                        + " minutes: error_ratio (0..1), request_rate (req/s), latency_p99 (s), restarts (per 5 min),"
                        + " memory_vs_limit and cpu_throttling (0..1). Answers min, max, last and the samples.",
                "Read a service signal from CloudWatch metrics",
                JsonSchema.object()
                        .oneOf("signal", "the signal to read", names)
                        .string("service", "the service, e.g. checkout")
                        .string("namespace", "the Kubernetes namespace, when the signal's definition needs it")
                        .integer("minutes", "the last N minutes (default 60)", 1, MAX_MINUTES)
                        .require("signal", "service")
                        .build(),
                Risk.READ));
        this.signals = signals;
        this.names = names;
    }

    @Override
    protected ToolResult read(ToolContext context, Arguments arguments) {
        SignalName signal = SignalName.fromJsonName(arguments.oneOf("signal", names));
        String service = arguments.text("service");
        String namespace = arguments.optionalText("namespace", "");
        int minutes = arguments.integer("minutes", 60, 1, MAX_MINUTES);
        Instant to = context.clock().instant();
        List<SignalSeries> series =
                signals.read(signal, service, namespace, to.minus(Duration.ofMinutes(minutes)), to, context);
        if (series.isEmpty()) {
            return new ToolResult.NoData("cloudwatch has no datapoints of " + signal.jsonName() + " for " + service
                    + " in the last " + minutes + " min");
        }
        ObjectNode data = Json.object()
                .put("signal", signal.jsonName())
                .put("unit", signal.unit())
                .put("service", service);
        ArrayNode items = data.putArray("series");
        series.forEach(s -> items.add(json(s)));
        String summary = "cloudwatch " + signal.jsonName() + " of " + service + " over " + minutes + " min: "
                + SignalText.describe(series);
        return new ToolResult.Success(summary, data);
    }

    private static ObjectNode json(SignalSeries series) {
        ObjectNode node = Json.object();
        ObjectNode labels = node.putObject("labels");
        series.labels().forEach(labels::put);
        node.put("min", series.min()).put("max", series.max()).put("last", series.last());
        List<Sample> samples = series.samples();
        node.put("sampleCount", samples.size());
        ArrayNode points = node.putArray("samples");
        for (Sample sample : samples.subList(Math.max(0, samples.size() - MAX_SAMPLES), samples.size())) {
            points.addArray().add(sample.at().toString()).add(sample.value());
        }
        return node;
    }
}
