package dev.opsbot.tools.compliance;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.aws.AliceSession;
import dev.opsbot.tools.aws.AwsJsonStubs;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * AWS Config as WireMock serves it: AWS JSON 1.1 ({@link AwsJsonStubs}) with {@code X-Amz-Target:
 * StarlingDoveService.<operation>}; answers built from plain maps; and alice ({@link AliceSession}), whose own STS
 * session signs every call.
 */
final class ConfigStubs {
    static final String TARGET = "StarlingDoveService.";
    static final String DESCRIBE = "DescribeComplianceByConfigRule";
    static final String DETAILS = "GetComplianceDetailsByConfigRule";
    static final Instant EVALUATED = Instant.parse("2026-03-10T08:15:00Z");

    private ConfigStubs() {}

    static ComplianceConnection connection(WireMockExtension aws) {
        return new ComplianceConnection(
                Region.EU_WEST_1, URI.create(aws.baseUrl()), ComplianceConnection.personsSession());
    }

    static ToolContext alice() {
        return aliceWithin(Duration.ofSeconds(10));
    }

    static ToolContext aliceWithin(Duration budget) {
        return AliceSession.asking(budget, Clock.systemUTC());
    }

    static MappingBuilder config(String operation) {
        return AwsJsonStubs.target(TARGET + operation);
    }

    /** {@code GetComplianceDetailsByConfigRule} for one rule. */
    static MappingBuilder details(String rule) {
        return config(DETAILS).withRequestBody(matchingJsonPath("$.ConfigRuleName", equalTo(rule)));
    }

    /** A {@code DescribeComplianceByConfigRule} page; {@code token} null for the last. */
    @SafeVarargs
    static Map<String, Object> rules(String token, Map<String, Object>... rules) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("ComplianceByConfigRules", List.of(rules));
        if (token != null) {
            page.put("NextToken", token);
        }
        return page;
    }

    static Map<String, Object> rule(String name, String compliance, int resources, boolean capExceeded) {
        Map<String, Object> complianceNode = new LinkedHashMap<>();
        complianceNode.put("ComplianceType", compliance);
        if (compliance.equals("NON_COMPLIANT")) {
            complianceNode.put(
                    "ComplianceContributorCount", Map.of("CappedCount", resources, "CapExceeded", capExceeded));
        }
        return Map.of("ConfigRuleName", name, "Compliance", complianceNode);
    }

    static Map<String, Object> nonCompliant(String name, int resources) {
        return rule(name, "NON_COMPLIANT", resources, false);
    }

    /** A {@code GetComplianceDetailsByConfigRule} answer: resources as type, id, annotation triples. */
    static Map<String, Object> evaluations(String rule, String token, String... typeIdAnnotation) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < typeIdAnnotation.length; i += 3) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put(
                    "EvaluationResultIdentifier",
                    Map.of(
                            "EvaluationResultQualifier",
                            Map.of(
                                    "ConfigRuleName",
                                    rule,
                                    "ResourceType",
                                    typeIdAnnotation[i],
                                    "ResourceId",
                                    typeIdAnnotation[i + 1]),
                            "OrderingTimestamp",
                            EVALUATED.getEpochSecond()));
            result.put("ComplianceType", "NON_COMPLIANT");
            result.put("ResultRecordedTime", EVALUATED.getEpochSecond());
            result.put("ConfigRuleInvokedTime", EVALUATED.getEpochSecond() - 60);
            if (!typeIdAnnotation[i + 2].isEmpty()) {
                result.put("Annotation", typeIdAnnotation[i + 2]);
            }
            results.add(result);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("EvaluationResults", results);
        if (token != null) {
            page.put("NextToken", token);
        }
        return page;
    }

    static List<LoggedRequest> sent(WireMockExtension aws, String operation) {
        return AwsJsonStubs.sent(aws, TARGET + operation);
    }
}
