package dev.opsbot.tools.cloudwatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.tool.ToolSpec;
import dev.opsbot.core.triage.LogAnalyzer;
import dev.opsbot.core.triage.LogLine;
import dev.opsbot.core.triage.LogSignature;
import dev.opsbot.tools.http.Arguments;
import dev.opsbot.tools.http.Json;
import dev.opsbot.tools.http.JsonSchema;
import dev.opsbot.tools.http.ReadTool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code cloudwatch.search_logs}: a service's log lines containing a text, with their error signatures. */
public final class SearchLogsTool extends ReadTool {
    static final int MAX_MINUTES = 6 * 60;
    static final int MAX_LINES = 500;
    /** At most this many lines (the newest) are returned; the signatures summarise all of them. */
    static final int SHOWN_LINES = 20;

    static final int SHOWN_SIGNATURES = 10;
    static final int LINE_LENGTH = 300;

    private final CloudWatchLogSearch logs;

    public SearchLogsTool(CloudWatchLogSearch logs) {
        super(new ToolSpec(
                "cloudwatch.search_logs",
                CloudWatchSignals.SOURCE,
                "Searches a service's CloudWatch log groups (Logs Insights) for lines containing a text over the"
                        + " last N minutes. Answers the newest matching lines and the error lines grouped into"
                        + " signatures with counts (e.g. '4211 x connection refused: payments').",
                "Search a service's CloudWatch logs for a text",
                JsonSchema.object()
                        .string("service", "the service whose log groups to search, e.g. checkout")
                        .string("filter", "the text lines must contain, e.g. connection refused")
                        .string("namespace", "the Kubernetes namespace, when the log group names need it")
                        .integer("minutes", "the last N minutes (default 30)", 1, MAX_MINUTES)
                        .require("service", "filter")
                        .build(),
                Risk.READ));
        this.logs = logs;
    }

    @Override
    protected ToolResult read(ToolContext context, Arguments arguments) {
        String service = arguments.text("service");
        String filter = arguments.text("filter");
        String namespace = arguments.optionalText("namespace", "");
        int minutes = arguments.integer("minutes", 30, 1, MAX_MINUTES);
        Instant to = context.clock().instant();
        Instant from = to.minus(Duration.ofMinutes(minutes));
        List<LogLine> lines = logs.search(service, namespace, filter, from, to, MAX_LINES, context);
        if (lines.isEmpty()) {
            return new ToolResult.NoData(
                    "no log lines of " + service + " contain \"" + filter + "\" in the last " + minutes + " min");
        }
        List<LogSignature> signatures =
                LogAnalyzer.signatures(CloudWatchSignals.SOURCE, lines, from, to, SHOWN_SIGNATURES);
        ObjectNode data = Json.object().put("service", service).put("matched", lines.size());
        ArrayNode shown = data.putArray("lines");
        for (LogLine line : lines.subList(Math.max(0, lines.size() - SHOWN_LINES), lines.size())
                .reversed()) {
            shown.addObject()
                    .put("at", String.valueOf(line.at()))
                    .put("pod", line.pod())
                    .put("container", line.container())
                    .put("text", shorten(line.text()));
        }
        ArrayNode groups = data.putArray("signatures");
        for (LogSignature signature : signatures) {
            groups.addObject()
                    .put("count", signature.count())
                    .put("category", signature.category().name())
                    .put("signature", signature.signature())
                    .put("downstream", signature.downstream())
                    .put("first", String.valueOf(signature.first()))
                    .put("last", String.valueOf(signature.last()));
        }
        String summary = lines.size() + " log lines of " + service + " contain \"" + filter + "\" in the last "
                + minutes + " min" + (lines.size() == MAX_LINES ? " (the newest " + MAX_LINES + " read)" : "")
                + (signatures.isEmpty()
                        ? ""
                        : "; most frequent error: " + signatures.getFirst().count() + " x "
                                + signatures.getFirst().signature());
        return new ToolResult.Success(summary, data);
    }

    private static String shorten(String text) {
        return text.length() > LINE_LENGTH ? text.substring(0, LINE_LENGTH) + "…" : text;
    }
}
