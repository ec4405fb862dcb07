package dev.opsbot.tools.compliance;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.config.model.ComplianceByConfigRule;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.config.model.DescribeComplianceByConfigRuleRequest;
import software.amazon.awssdk.services.config.model.DescribeComplianceByConfigRuleResponse;
import software.amazon.awssdk.services.config.model.EvaluationResult;
import software.amazon.awssdk.services.config.model.GetComplianceDetailsByConfigRuleResponse;

/**
 * {@code compliance.config_rules}: AWS Config rules by compliance ({@code DescribeComplianceByConfigRule}) and, for
 * the non-compliant ones with the most resources, which resources and why ({@code GetComplianceDetailsByConfigRule}).
 * A failure to read a rule's resources is a gap in the answer, not a failed tool: the rules are the finding.
 */
public final class ConfigRulesTool extends ReadTool {
    static final List<String> COMPLIANCE = List.of("NON_COMPLIANT", "COMPLIANT", "INSUFFICIENT_DATA", "ALL");
    static final int MAX_RULES = 50;
    /** Non-compliant rules whose resources are read, those with the most first. */
    static final int DETAILED_RULES = 10;

    static final int DEFAULT_RESOURCES = 5;
    static final int MAX_RESOURCES = 25;
    /** Rule pages followed (Config sends at most 25 rules a page). */
    static final int MAX_PAGES = 10;

    static final int MAX_ANNOTATION = 300;
    private static final int MAX_RULE_NAME = 128;

    private final ComplianceConnection connection;

    public ConfigRulesTool(ComplianceConnection connection) {
        super(new ToolSpec(
                "compliance.config_rules",
                ComplianceConnection.SOURCE,
                "Lists AWS Config rules by compliance in the configured region (default NON_COMPLIANT; COMPLIANT,"
                        + " INSUFFICIENT_DATA or ALL), those with the most non-compliant resources first (at most "
                        + MAX_RULES + "), and for up to " + DETAILED_RULES + " non-compliant rules the"
                        + " non-compliant resources: type, id, the rule's annotation (why) and when it was last"
                        + " evaluated. Optionally one rule by name.",
                "List AWS Config rules and their non-compliant resources",
                JsonSchema.object()
                        .oneOf("compliance", "which rules (default NON_COMPLIANT)", COMPLIANCE)
                        .string("rule", "only this Config rule, by name, e.g. s3-bucket-public-read-prohibited")
                        .integer(
                                "resourcesPerRule",
                                "non-compliant resources listed per rule (default " + DEFAULT_RESOURCES + ")",
                                1,
                                MAX_RESOURCES)
                        .build(),
                Risk.READ));
        this.connection = connection;
    }

    @Override
    protected ToolResult read(ToolContext context, Arguments arguments) {
        String compliance = compliance(arguments);
        String rule = ruleName(arguments);
        int resourcesPerRule = arguments.integer("resourcesPerRule", DEFAULT_RESOURCES, 1, MAX_RESOURCES);
        var request = DescribeComplianceByConfigRuleRequest.builder();
        if (!compliance.equals("ALL")) {
            request.complianceTypesWithStrings(compliance);
        }
        if (!rule.isEmpty()) {
            request.configRuleNames(rule);
        }
        List<ComplianceByConfigRule> read = new ArrayList<>();
        boolean more = readPages(context, request.build(), read);
        String region = connection.region();
        String where = region.isEmpty() ? "" : " in " + region;
        if (read.isEmpty()) {
            return new ToolResult.NoData("AWS Config reports no " + (compliance.equals("ALL") ? "" : compliance + " ")
                    + "rules" + (rule.isEmpty() ? "" : " named " + rule) + where);
        }
        List<RuleCompliance> rules =
                read.stream().map(RuleCompliance::of).sorted().toList();
        ObjectNode data = Json.object().put("region", region).put("compliance", compliance);
        data.set("counts", counts(rules));
        Set<String> gaps = new LinkedHashSet<>();
        ArrayNode items = data.putArray("rules");
        int detailed = 0;
        for (RuleCompliance ruleCompliance : rules.subList(0, Math.min(rules.size(), MAX_RULES))) {
            ObjectNode item = ruleCompliance.json();
            if (ruleCompliance.nonCompliant() && detailed < DETAILED_RULES && gaps.isEmpty()) {
                detailed++;
                resources(context, ruleCompliance.name(), resourcesPerRule, item, gaps);
            }
            items.add(item);
        }
        data.put("total", rules.size()).put("truncated", more || rules.size() > MAX_RULES);
        if (!gaps.isEmpty()) {
            ArrayNode gapList = data.putArray("gaps");
            gaps.forEach(gapList::add);
        }
        return new ToolResult.Success(summary(compliance, rules, where), data);
    }

    private static String compliance(Arguments arguments) {
        String compliance = arguments.optionalText("compliance", "NON_COMPLIANT");
        if (!COMPLIANCE.contains(compliance)) {
            throw bad("argument 'compliance' must be one of " + String.join(", ", COMPLIANCE) + ", not '" + compliance
                    + "'");
        }
        return compliance;
    }

    private static String ruleName(Arguments arguments) {
        String rule = arguments.optionalText("rule", "");
        if (rule.length() > MAX_RULE_NAME) {
            throw bad("argument 'rule' is longer than " + MAX_RULE_NAME + " characters");
        }
        return rule;
    }

    private static SourceFailure bad(String why) {
        return new SourceFailure(ComplianceConnection.SOURCE, SourceFailure.Kind.BAD_REQUEST, why, null);
    }

    /** Reads up to {@value #MAX_PAGES} pages; true when Config had more. */
    private boolean readPages(
            ToolContext context, DescribeComplianceByConfigRuleRequest request, List<ComplianceByConfigRule> into) {
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            var next = request.toBuilder().nextToken(token);
            DescribeComplianceByConfigRuleResponse response = connection.call(
                    context,
                    "DescribeComplianceByConfigRule",
                    (client, asActor) -> client.describeComplianceByConfigRule(
                            next.overrideConfiguration(asActor).build()));
            into.addAll(response.complianceByConfigRules());
            token = response.nextToken();
            if (token == null || token.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rule's non-compliant resources into {@code item}; a failure becomes a gap, and the caller reads no further
     * rules' resources (a missing permission or a throttled API would fail them all alike).
     */
    private void resources(ToolContext context, String rule, int limit, ObjectNode item, Set<String> gaps) {
        GetComplianceDetailsByConfigRuleResponse response;
        try {
            response = connection.call(
                    context,
                    "GetComplianceDetailsByConfigRule",
                    (client, asActor) -> client.getComplianceDetailsByConfigRule(b -> b.configRuleName(rule)
                            .complianceTypes(ComplianceType.NON_COMPLIANT)
                            .limit(limit)
                            .overrideConfiguration(asActor)));
        } catch (SourceFailure failure) {
            gaps.add("resources of " + rule + " and the rules after it: " + failure.getMessage());
            return;
        }
        ArrayNode resources = item.putArray("resources");
        response.evaluationResults().stream().limit(limit).forEach(result -> resources.add(resource(result)));
        if (response.nextToken() != null && !response.nextToken().isEmpty()) {
            item.put("moreResources", true);
        }
    }

    private static ObjectNode resource(EvaluationResult result) {
        ObjectNode node = Json.object();
        var identifier = result.evaluationResultIdentifier();
        var qualifier = identifier == null ? null : identifier.evaluationResultQualifier();
        if (qualifier != null) {
            node.put("type", qualifier.resourceType()).put("id", qualifier.resourceId());
        }
        String annotation = result.annotation();
        if (annotation != null && !annotation.isBlank()) {
            node.put(
                    "annotation",
                    annotation.length() > MAX_ANNOTATION ? annotation.substring(0, MAX_ANNOTATION) + "…" : annotation);
        }
        var evaluated = result.resultRecordedTime() != null
                ? result.resultRecordedTime()
                : identifier == null ? null : identifier.orderingTimestamp();
        if (evaluated != null) {
            node.put("evaluatedAt", evaluated.toString());
        }
        return node;
    }

    private static ObjectNode counts(List<RuleCompliance> rules) {
        Map<String, Integer> counts = new TreeMap<>();
        rules.forEach(rule -> counts.merge(rule.compliance(), 1, Integer::sum));
        ObjectNode node = Json.object();
        counts.forEach(node::put);
        return node;
    }

    private static String summary(String compliance, List<RuleCompliance> rules, String where) {
        List<RuleCompliance> failing =
                rules.stream().filter(RuleCompliance::nonCompliant).toList();
        if (!compliance.equals("NON_COMPLIANT") && failing.isEmpty()) {
            return rules.size() + " AWS Config rules" + where + " are "
                    + compliance.toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        int resources = failing.stream().mapToInt(RuleCompliance::resources).sum();
        boolean atLeast = failing.stream().anyMatch(RuleCompliance::capExceeded);
        RuleCompliance worst = failing.stream()
                .max(Comparator.comparingInt(RuleCompliance::resources))
                .orElseThrow();
        return failing.size() + (failing.size() == 1 ? " AWS Config rule is" : " AWS Config rules are")
                + " non-compliant" + where + " (" + (atLeast ? "at least " : "") + resources + " resources"
                + (rules.size() > failing.size() ? ", of " + rules.size() + " rules listed" : "") + "); most: "
                + worst.name() + " (" + worst.resources() + ")";
    }
}
