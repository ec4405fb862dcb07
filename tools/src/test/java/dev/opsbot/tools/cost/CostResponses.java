package dev.opsbot.tools.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cost Explorer answers as its JSON 1.1 bodies hold them, built from plain maps. */
final class CostResponses {
    private CostResponses() {}

    /** A {@code GetCostAndUsage} page; {@code token} null for the last page. */
    @SafeVarargs
    static Map<String, Object> page(String token, Map<String, Object>... periods) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("ResultsByTime", List.of(periods));
        page.put("GroupDefinitions", List.of(Map.of("Type", "DIMENSION", "Key", "SERVICE")));
        if (token != null) {
            page.put("NextPageToken", token);
        }
        return page;
    }

    /** One period with groups {@code key -> amount} in USD, in the order given. */
    static Map<String, Object> period(String start, String end, boolean estimated, Object... keysAndAmounts) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (int i = 0; i < keysAndAmounts.length; i += 2) {
            groups.add(Map.of(
                    "Keys",
                    List.of(keysAndAmounts[i]),
                    "Metrics",
                    Map.of("UnblendedCost", Map.of("Amount", keysAndAmounts[i + 1], "Unit", "USD"))));
        }
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("TimePeriod", Map.of("Start", start, "End", end));
        period.put("Total", Map.of());
        period.put("Groups", groups);
        period.put("Estimated", estimated);
        return period;
    }

    static Map<String, Object> day(String start, String end, Object... keysAndAmounts) {
        return period(start, end, false, keysAndAmounts);
    }

    /** A {@code GetAnomalies} page. */
    @SafeVarargs
    static Map<String, Object> anomalies(String token, Map<String, Object>... anomalies) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("Anomalies", List.of(anomalies));
        if (token != null) {
            page.put("NextPageToken", token);
        }
        return page;
    }

    /** An anomaly of one root cause per service given; {@code end} null while it is still going. */
    static Map<String, Object> anomaly(String id, String start, String end, double total, String... services) {
        Map<String, Object> anomaly = new LinkedHashMap<>();
        anomaly.put("AnomalyId", id);
        anomaly.put("AnomalyStartDate", start);
        if (end != null) {
            anomaly.put("AnomalyEndDate", end);
        }
        anomaly.put("DimensionValue", services.length == 0 ? "Unknown" : services[0]);
        List<Map<String, Object>> causes = new ArrayList<>();
        for (String service : services) {
            causes.add(Map.of(
                    "Service",
                    service,
                    "Region",
                    "us-east-1",
                    "LinkedAccount",
                    "111111111111",
                    "LinkedAccountName",
                    "shop-prod",
                    "UsageType",
                    "BoxUsage:m5.xlarge",
                    "Impact",
                    Map.of("Contribution", total)));
        }
        anomaly.put("RootCauses", causes);
        anomaly.put("AnomalyScore", Map.of("MaxScore", 0.87, "CurrentScore", 0.5));
        anomaly.put(
                "Impact",
                Map.of(
                        "MaxImpact",
                        total / 2,
                        "TotalImpact",
                        total,
                        "TotalActualSpend",
                        total * 2,
                        "TotalExpectedSpend",
                        total,
                        "TotalImpactPercentage",
                        100.0));
        anomaly.put("MonitorArn", "arn:aws:ce::111111111111:anomalymonitor/services");
        anomaly.put("Feedback", "YES");
        return anomaly;
    }
}
