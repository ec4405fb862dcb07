package dev.opsbot.tools.cost;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.tool.ToolSpec;
import dev.opsbot.tools.http.Arguments;
import dev.opsbot.tools.http.Json;
import dev.opsbot.tools.http.JsonSchema;
import dev.opsbot.tools.http.ReadTool;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.costexplorer.model.Dimension;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/**
 * {@code cost.get_costs}: unblended costs of the last N complete days from Cost Explorer ({@code GetCostAndUsage}),
 * per day or month, grouped by service, account, usage type or a tag; the top groups per period, the totals and the
 * biggest change from one period to the next.
 */
public final class GetCostsTool extends ReadTool {
    static final int MAX_DAYS = 90;
    static final int DEFAULT_DAYS = 14;
    /** Groups shown per period and over the window; the rest are summed up as "others". */
    static final int TOP_GROUPS = 10;
    /** Result pages followed (a page is cut by group count, so a long window by usage type can need several). */
    static final int MAX_PAGES = 5;

    static final String METRIC = "UnblendedCost";
    static final List<String> GRANULARITIES = List.of("DAILY", "MONTHLY");

    private final CostConnection connection;

    public GetCostsTool(CostConnection connection) {
        super(new ToolSpec(
                "cost.get_costs",
                CostConnection.SOURCE,
                "Reads AWS costs (unblended, from Cost Explorer) of the last N complete days (today excluded: its"
                        + " data is partial), per DAILY or MONTHLY period, grouped by SERVICE, LINKED_ACCOUNT,"
                        + " USAGE_TYPE or TAG:<key> (e.g. TAG:team). Answers per period the top " + TOP_GROUPS
                        + " groups and the rest as others, the top groups over the whole window, the total, the unit"
                        + " (USD) and the biggest change of one group from one period to the next. Optionally only"
                        + " one service, named as Cost Explorer names it (e.g. 'Amazon Elastic Compute Cloud -"
                        + " Compute', 'Amazon Relational Database Service').",
                "Read AWS costs from Cost Explorer",
                JsonSchema.object()
                        .integer("days", "the last N complete days (default " + DEFAULT_DAYS + ")", 1, MAX_DAYS)
                        .oneOf("granularity", "one period per day or month (default DAILY)", GRANULARITIES)
                        .string(
                                "groupBy",
                                "SERVICE (default), LINKED_ACCOUNT, USAGE_TYPE, or TAG:<key> for a cost allocation"
                                        + " tag")
                        .string("service", "only this service, e.g. Amazon Elastic Compute Cloud - Compute")
                        .build(),
                Risk.READ));
        this.connection = connection;
    }

    @Override
    protected ToolResult read(ToolContext context, Arguments arguments) {
        int days = arguments.integer("days", DEFAULT_DAYS, 1, MAX_DAYS);
        String granularity = granularity(arguments);
        CostGrouping grouping = CostGrouping.parse(arguments.optionalText("groupBy", "SERVICE"));
        String service = arguments.optionalText("service", "");
        DateWindow window = DateWindow.lastDays(context, days);
        GetCostAndUsageRequest request = request(window, granularity, grouping, service);

        CostTable table = new CostTable();
        boolean truncated = readPages(context, request, grouping, table);
        String scope = service.isEmpty() ? "" : " of " + service;
        if (table.isEmpty()) {
            return new ToolResult.NoData(
                    "AWS Cost Explorer has no costs" + scope + " from " + window.start() + " to " + window.lastDay());
        }
        ObjectNode data = Json.object()
                .put("start", window.start().toString())
                .put("end", window.end().toString())
                .put("granularity", granularity)
                .put("groupBy", grouping.argument())
                .put("metric", METRIC)
                .put("unit", table.unit())
                .put("total", money(table.total()));
        if (!service.isEmpty()) {
            data.put("service", service);
        }
        top(data.putObject("topGroups"), table.totalsByGroup());
        ArrayNode periods = data.putArray("periods");
        for (CostTable.Period period : table.periods()) {
            periods.add(period(period));
        }
        CostTable.Change change = table.biggestChange();
        if (change != null) {
            data.putObject("biggestChange")
                    .put("group", change.group())
                    .put("from", change.from())
                    .put("to", change.to())
                    .put("before", money(change.before()))
                    .put("after", money(change.after()))
                    .put("change", money(change.delta()));
        }
        if (truncated) {
            data.put("truncated", true);
        }
        return new ToolResult.Success(summary(window, days, granularity, grouping, scope, table, change), data);
    }

    private static String granularity(Arguments arguments) {
        String granularity = arguments.optionalText("granularity", "DAILY");
        if (!GRANULARITIES.contains(granularity)) {
            throw new SourceFailure(
                    CostConnection.SOURCE,
                    SourceFailure.Kind.BAD_REQUEST,
                    "argument 'granularity' must be one of " + String.join(", ", GRANULARITIES) + ", not '"
                            + granularity + "'",
                    null);
        }
        return granularity;
    }

    private static GetCostAndUsageRequest request(
            DateWindow window, String granularity, CostGrouping grouping, String service) {
        var request = GetCostAndUsageRequest.builder()
                .timePeriod(
                        p -> p.start(window.start().toString()).end(window.end().toString()))
                .granularity(granularity)
                .metrics(METRIC)
                .groupBy(grouping.definition());
        if (!service.isEmpty()) {
            request.filter(Expression.builder()
                    .dimensions(d -> d.key(Dimension.SERVICE).values(service))
                    .build());
        }
        return request.build();
    }

    /** Reads up to {@value #MAX_PAGES} pages into the table; true when Cost Explorer had more. */
    private boolean readPages(
            ToolContext context, GetCostAndUsageRequest request, CostGrouping grouping, CostTable table) {
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            GetCostAndUsageRequest.Builder next = request.toBuilder().nextPageToken(token);
            GetCostAndUsageResponse response = connection.call(
                    context,
                    "GetCostAndUsage",
                    (client, asActor) -> client.getCostAndUsage(
                            next.overrideConfiguration(asActor).build()));
            for (ResultByTime result : response.resultsByTime()) {
                String start = result.timePeriod().start();
                table.period(start, result.timePeriod().end(), Boolean.TRUE.equals(result.estimated()));
                for (Group group : result.groups()) {
                    MetricValue value = group.metrics().get(METRIC);
                    String key = group.keys().isEmpty() ? "" : group.keys().getFirst();
                    if (value != null) {
                        table.add(start, grouping.label(key), value.amount(), value.unit());
                    }
                }
            }
            token = response.nextPageToken();
            if (token == null || token.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode period(CostTable.Period period) {
        ObjectNode node = Json.object()
                .put("start", period.start())
                .put("end", period.end())
                .put("total", money(period.total()));
        if (period.estimated()) {
            node.put("estimated", true);
        }
        top(node, period.ranked());
        return node;
    }

    /** The largest {@value #TOP_GROUPS} groups (cents that round to zero left out), and the rest as others. */
    private static void top(ObjectNode into, List<Map.Entry<String, BigDecimal>> ranked) {
        ObjectNode groups = into.putObject("groups");
        ranked.stream()
                .limit(TOP_GROUPS)
                .filter(entry -> money(entry.getValue()).signum() != 0)
                .forEach(entry -> groups.put(entry.getKey(), money(entry.getValue())));
        if (ranked.size() > TOP_GROUPS) {
            BigDecimal others = ranked.subList(TOP_GROUPS, ranked.size()).stream()
                    .map(Map.Entry::getValue)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            into.putObject("others").put("groups", ranked.size() - TOP_GROUPS).put("amount", money(others));
        }
    }

    private static String summary(
            DateWindow window,
            int days,
            String granularity,
            CostGrouping grouping,
            String scope,
            CostTable table,
            CostTable.Change change) {
        String unit = table.unit().isEmpty() ? "" : " " + table.unit();
        StringBuilder summary = new StringBuilder("AWS costs")
                .append(scope)
                .append(" from ")
                .append(window.start())
                .append(" to ")
                .append(window.lastDay())
                .append(" (")
                .append(days)
                .append(days == 1 ? " day" : " days")
                .append(", by ")
                .append(grouping.describe())
                .append("): ")
                .append(money(table.total()).toPlainString())
                .append(unit);
        Map.Entry<String, BigDecimal> top = table.totalsByGroup().getFirst();
        summary.append("; top ")
                .append(top.getKey())
                .append(' ')
                .append(money(top.getValue()).toPlainString());
        summary.append(unit);
        if (change != null && change.delta().signum() != 0) {
            summary.append("; biggest ")
                    .append(granularity.equals("DAILY") ? "day-over-day" : "month-over-month")
                    .append(" change: ")
                    .append(change.group())
                    .append(' ')
                    .append(change.delta().signum() > 0 ? "+" : "")
                    .append(money(change.delta()).toPlainString())
                    .append(unit)
                    .append(" on ")
                    .append(change.to());
        }
        return summary.toString();
    }

    /** Cents: what a person compares, and a tenth of the digits Cost Explorer sends. */
    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
