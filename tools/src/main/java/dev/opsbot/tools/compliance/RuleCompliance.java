package dev.opsbot.tools.compliance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.tools.http.Json;
import java.util.Comparator;
import software.amazon.awssdk.services.config.model.ComplianceByConfigRule;
import software.amazon.awssdk.services.config.model.ComplianceContributorCount;

/**
 * One Config rule's compliance as {@code DescribeComplianceByConfigRule} reports it. Config counts the non-compliant
 * resources only up to a cap (100) and says when there were more ({@code capExceeded}).
 */
record RuleCompliance(String name, String compliance, int resources, boolean capExceeded)
        implements Comparable<RuleCompliance> {
    /** Non-compliant first, most resources first, then by name. */
    private static final Comparator<RuleCompliance> ORDER = Comparator.comparing(
                    (RuleCompliance rule) -> !rule.nonCompliant())
            .thenComparing(Comparator.comparingInt(RuleCompliance::resources).reversed())
            .thenComparing(RuleCompliance::name);

    static RuleCompliance of(ComplianceByConfigRule rule) {
        var compliance = rule.compliance();
        ComplianceContributorCount count = compliance == null ? null : compliance.complianceContributorCount();
        return new RuleCompliance(
                rule.configRuleName(),
                compliance == null || compliance.complianceTypeAsString() == null
                        ? "UNKNOWN"
                        : compliance.complianceTypeAsString(),
                count == null || count.cappedCount() == null ? 0 : count.cappedCount(),
                count != null && Boolean.TRUE.equals(count.capExceeded()));
    }

    boolean nonCompliant() {
        return compliance.equals("NON_COMPLIANT");
    }

    ObjectNode json() {
        ObjectNode node = Json.object().put("name", name).put("compliance", compliance);
        if (nonCompliant()) {
            node.put("nonCompliantResources", resources);
            if (capExceeded) {
                node.put("atLeast", true);
            }
        }
        return node;
    }

    @Override
    public int compareTo(RuleCompliance other) {
        return ORDER.compare(this, other);
    }
}
