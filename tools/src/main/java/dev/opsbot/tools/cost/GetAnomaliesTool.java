package dev.opsbot.tools.cost;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.tool.ToolSpec;
import dev.opsbot.tools.http.Arguments;
import dev.opsbot.tools.http.Json;
import dev.opsbot.tools.http.JsonSchema;
import dev.opsbot.tools.http.ReadTool;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.costexplorer.model.Anomaly;
import software.amazon.awssdk.services.costexplorer.model.GetAnomaliesRequest;
import software.amazon.awssdk.services.costexplorer.model.GetAnomaliesResponse;
import software.amazon.awssdk.services.costexplorer.model.NumericOperator;
import software.amazon.awssdk.services.costexplorer.model.RootCause;

/**
 * {@code cost.get_anomalies}: the cost anomalies Cost Explorer's anomaly detection found in the last N days
 * ({@code GetAnomalies}), largest total impact first, each with where it came from (service, region, account, usage
 * type of its root causes), when, how much and the feedback it was given.
 */
public final class GetAnomaliesTool extends ReadTool {
    static final int MAX_DAYS = 90;
    static final int DEFAULT_DAYS = 30;
    static final int MAX_ANOMALIES = 20;
    static final int MAX_ROOT_CAUSES = 3;
    static final int MAX_PAGES = 5;

    private final CostConnection connection;

    public GetAnomaliesTool(CostConnection connection) {
        super(new ToolSpec(
                "cost.get_anomalies",
                CostConnection.SOURCE,
                "Lists the AWS cost anomalies that Cost Explorer's anomaly detection found over the last N days"
                        + " (today included), largest total impact first (at most " + MAX_ANOMALIES + "): for each"
                        + " the service, region, account and usage type of its root causes, start and end date (no"
                        + " end: still going), total and max impact in USD, actual vs expected spend, and the"
                        + " feedback people gave. Only anomalies of monitors that exist in the account.",
                "List AWS cost anomalies",
                JsonSchema.object()
                        .integer("days", "the last N days (default " + DEFAULT_DAYS + ")", 1, MAX_DAYS)
                        .integer(
                                "minImpact",
                                "only anomalies with at least this total impact, in whole USD",
                                0,
                                1_000_000_000)
                        .build(),
                Risk.READ));
        this.connection = connection;
    }

    @Override
    protected ToolResult read(ToolContext context, Arguments arguments) {
        int days = arguments.integer("days", DEFAULT_DAYS, 1, MAX_DAYS);
        int minImpact = arguments.integer("minImpact", 0, 0, 1_000_000_000);
        LocalDate today = DateWindow.today(context);
        LocalDate from = today.minusDays(days);
        var request = GetAnomaliesRequest.builder()
                .dateInterval(d -> d.startDate(from.toString()).endDate(today.toString()));
        if (minImpact > 0) {
            request.totalImpact(t ->
                    t.numericOperator(NumericOperator.GREATER_THAN_OR_EQUAL).startValue((double) minImpact));
        }
        List<Anomaly> anomalies = new ArrayList<>();
        boolean truncated = readPages(context, request.build(), anomalies);
        String scope = "in the last " + days + (days == 1 ? " day" : " days")
                + (minImpact > 0 ? " with an impact of at least " + minImpact + " USD" : "");
        if (anomalies.isEmpty()) {
            return new ToolResult.NoData("AWS Cost Explorer found no cost anomalies " + scope);
        }
        List<Anomaly> ranked = anomalies.stream()
                .sorted(Comparator.comparingDouble(GetAnomaliesTool::totalImpact)
                        .reversed())
                .toList();
        ObjectNode data = Json.object()
                .put("start", from.toString())
                .put("end", today.toString())
                .put("unit", "USD")
                .put("total", anomalies.size())
                .put("truncated", truncated || anomalies.size() > MAX_ANOMALIES);
        ArrayNode items = data.putArray("anomalies");
        ranked.stream().limit(MAX_ANOMALIES).forEach(anomaly -> items.add(anomaly(anomaly)));
        double impact =
                anomalies.stream().mapToDouble(GetAnomaliesTool::totalImpact).sum();
        data.put("totalImpact", rounded(impact));
        Anomaly largest = ranked.getFirst();
        String summary = anomalies.size() + (anomalies.size() == 1 ? " cost anomaly " : " cost anomalies ") + scope
                + ", total impact " + rounded(impact).toPlainString() + " USD; largest: " + where(largest) + " +"
                + rounded(totalImpact(largest)).toPlainString() + " USD from "
                + date(largest.anomalyStartDate());
        return new ToolResult.Success(summary, data);
    }

    /** Reads up to {@value #MAX_PAGES} pages; true when Cost Explorer had more. */
    private boolean readPages(ToolContext context, GetAnomaliesRequest request, List<Anomaly> into) {
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            GetAnomaliesRequest.Builder next = request.toBuilder().nextPageToken(token);
            GetAnomaliesResponse response = connection.call(
                    context,
                    "GetAnomalies",
                    (client, asActor) -> client.getAnomalies(
                            next.overrideConfiguration(asActor).build()));
            into.addAll(response.anomalies());
            token = response.nextPageToken();
            if (token == null || token.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode anomaly(Anomaly anomaly) {
        ObjectNode node = Json.object().put("id", anomaly.anomalyId());
        putIfPresent(node, "dimension", anomaly.dimensionValue());
        node.put("start", date(anomaly.anomalyStartDate()));
        if (anomaly.anomalyEndDate() == null || anomaly.anomalyEndDate().isBlank()) {
            node.put("ongoing", true);
        } else {
            node.put("end", date(anomaly.anomalyEndDate()));
        }
        var impact = anomaly.impact();
        if (impact != null) {
            putRounded(node, "totalImpact", impact.totalImpact());
            putRounded(node, "maxImpact", impact.maxImpact());
            putRounded(node, "totalImpactPercentage", impact.totalImpactPercentage());
            putRounded(node, "actualSpend", impact.totalActualSpend());
            putRounded(node, "expectedSpend", impact.totalExpectedSpend());
        }
        if (anomaly.anomalyScore() != null) {
            putRounded(node, "maxScore", anomaly.anomalyScore().maxScore());
        }
        ArrayNode causes = node.putArray("rootCauses");
        anomaly.rootCauses().stream().limit(MAX_ROOT_CAUSES).forEach(cause -> causes.add(rootCause(cause)));
        node.put("feedback", anomaly.feedback() == null ? "NONE" : anomaly.feedbackAsString());
        return node;
    }

    private static ObjectNode rootCause(RootCause cause) {
        ObjectNode node = Json.object();
        putIfPresent(node, "service", cause.service());
        putIfPresent(node, "region", cause.region());
        putIfPresent(node, "account", cause.linkedAccount());
        putIfPresent(node, "accountName", cause.linkedAccountName());
        putIfPresent(node, "usageType", cause.usageType());
        if (cause.impact() != null) {
            putRounded(node, "contribution", cause.impact().contribution());
        }
        return node;
    }

    /** "Amazon EC2 in us-east-1": the first root cause, else the monitored dimension. */
    private static String where(Anomaly anomaly) {
        if (!anomaly.rootCauses().isEmpty()) {
            RootCause cause = anomaly.rootCauses().getFirst();
            String service = cause.service() == null ? "an unnamed service" : cause.service();
            return service + (cause.region() == null ? "" : " in " + cause.region());
        }
        return anomaly.dimensionValue() == null ? "anomaly " + anomaly.anomalyId() : anomaly.dimensionValue();
    }

    private static double totalImpact(Anomaly anomaly) {
        return anomaly.impact() == null || anomaly.impact().totalImpact() == null
                ? 0
                : anomaly.impact().totalImpact();
    }

    /** Cost Explorer sends dates as {@code 2026-03-05} or {@code 2026-03-05T00:00:00Z}; the day is what matters. */
    private static String date(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    /** Two decimals: cents for amounts, enough for percentages and scores. */
    private static void putRounded(ObjectNode node, String field, Double value) {
        if (value != null) {
            node.put(field, rounded(value));
        }
    }

    private static BigDecimal rounded(double value) {
        return GetCostsTool.money(BigDecimal.valueOf(value));
    }
}
