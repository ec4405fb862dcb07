package dev.opsbot.tools.cloudwatch;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.LogLine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;

/**
 * Searches the service's log groups with CloudWatch Logs Insights: {@code StartQuery}, then {@code GetQueryResults}
 * every poll interval until the query completes or the deadline nears; then {@code StopQuery} and a TIMEOUT saying
 * how long it ran. Log group names and the error query may hold placeholders ({@code /eks/${namespace}/${service}}).
 */
public final class CloudWatchLogSearch {
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    /** A query may name at most this many log groups. */
    static final int MAX_LOG_GROUPS = 50;

    static final int MAX_ERROR_LINES = 500;
    /** Time kept back from the deadline to stop a query that has not finished. */
    static final Duration STOP_RESERVE = Duration.ofMillis(750);

    private static final String FIELDS =
            "fields @timestamp, @message, @logStream, log, kubernetes.pod_name, kubernetes.container_name";

    private final CloudWatchConnection connection;
    private final List<String> logGroups;
    private final String errorQuery;
    private final TemplateVariables variables;
    private final Duration pollInterval;

    /**
     * @param logGroups log group name templates, e.g. {@code /eks/${namespace}/${service}}
     * @param errorQuery the Logs Insights query for error lines ({@link CloudWatchDefaults#ERROR_QUERY})
     */
    public CloudWatchLogSearch(
            CloudWatchConnection connection,
            List<String> logGroups,
            String errorQuery,
            TemplateVariables variables,
            Duration pollInterval) {
        this.connection = Objects.requireNonNull(connection, "connection");
        if (logGroups.isEmpty()) {
            throw new IllegalArgumentException("cloudwatch logs needs at least one log group name");
        }
        this.logGroups = List.copyOf(logGroups.subList(0, Math.min(logGroups.size(), MAX_LOG_GROUPS)));
        this.errorQuery = Objects.requireNonNull(errorQuery, "errorQuery");
        this.variables = Objects.requireNonNull(variables, "variables");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** The service's error lines in [from, to] (at most {@value #MAX_ERROR_LINES}, newest kept). */
    public List<LogLine> errorLines(String service, String namespace, Instant from, Instant to, ToolContext context) {
        Map<String, String> values = variables.forTarget(service, namespace);
        String query = Templates.fill(errorQuery, values, "the logs query");
        return run(groups(values), query, from, to, MAX_ERROR_LINES, context);
    }

    /** The service's lines in [from, to] that contain {@code text}, newest first kept, at most {@code limit}. */
    public List<LogLine> search(
            String service, String namespace, String text, Instant from, Instant to, int limit, ToolContext context) {
        Map<String, String> values = variables.forTarget(service, namespace);
        String query = FIELDS + " | filter @message like " + quoted(text) + " | sort @timestamp desc | limit " + limit;
        return run(groups(values), query, from, to, limit, context);
    }

    private List<String> groups(Map<String, String> values) {
        return logGroups.stream()
                .map(group -> Templates.fill(group, values, "log group " + group))
                .toList();
    }

    private List<LogLine> run(
            List<String> groups, String query, Instant from, Instant to, int limit, ToolContext context) {
        long started = System.nanoTime();
        String queryId = connection.logs().call(context, "logs:StartQuery", (logs, asActor) -> logs.startQuery(
                        b -> b.logGroupNames(groups)
                                .queryString(query)
                                .startTime(from.getEpochSecond())
                                .endTime(to.getEpochSecond())
                                .limit(limit)
                                .overrideConfiguration(asActor))
                .queryId());
        while (true) {
            GetQueryResultsResponse results = connection
                    .logs()
                    .call(
                            context,
                            "logs:GetQueryResults",
                            (logs, asActor) ->
                                    logs.getQueryResults(b -> b.queryId(queryId).overrideConfiguration(asActor)));
            QueryStatus status = results.status();
            if (status == QueryStatus.COMPLETE) {
                return LogRows.lines(results.results());
            }
            if (status != QueryStatus.RUNNING && status != QueryStatus.SCHEDULED) {
                throw SourceFailure.unavailable(
                        CloudWatchSignals.SOURCE, "its logs query ended " + results.statusAsString(), null);
            }
            if (context.remaining().compareTo(pollInterval.plus(STOP_RESERVE)) < 0 || !pause()) {
                stop(queryId, context);
                long seconds = Math.max(1, Math.round((System.nanoTime() - started) / 1e9));
                throw new SourceFailure(
                        CloudWatchSignals.SOURCE,
                        SourceFailure.Kind.TIMEOUT,
                        "cloudwatch logs: query did not finish in " + seconds + " s",
                        null);
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(pollInterval);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Best effort: a query left running costs money until it times out on its own. */
    private void stop(String queryId, ToolContext context) {
        try {
            connection
                    .logs()
                    .call(
                            context,
                            "logs:StopQuery",
                            (logs, asActor) ->
                                    logs.stopQuery(b -> b.queryId(queryId).overrideConfiguration(asActor)));
        } catch (SourceFailure ignored) {
            // the query ends by itself after its own time limit
        }
    }

    /** A Logs Insights string literal: {@code "connection refused"}, quotes and backslashes escaped. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
