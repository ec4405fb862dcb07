package dev.opsbot.tools.compliance;

import static dev.opsbot.tools.aws.AwsJsonStubs.body;
import static dev.opsbot.tools.aws.AwsJsonStubs.error;
import static dev.opsbot.tools.aws.AwsJsonStubs.json;
import static dev.opsbot.tools.aws.AwsJsonStubs.json11;
import static dev.opsbot.tools.compliance.ConfigStubs.DESCRIBE;
import static dev.opsbot.tools.compliance.ConfigStubs.DETAILS;
import static dev.opsbot.tools.compliance.ConfigStubs.alice;
import static dev.opsbot.tools.compliance.ConfigStubs.config;
import static dev.opsbot.tools.compliance.ConfigStubs.details;
import static dev.opsbot.tools.compliance.ConfigStubs.evaluations;
import static dev.opsbot.tools.compliance.ConfigStubs.nonCompliant;
import static dev.opsbot.tools.compliance.ConfigStubs.rule;
import static dev.opsbot.tools.compliance.ConfigStubs.rules;
import static dev.opsbot.tools.compliance.ConfigStubs.sent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.aws.AliceSession;
import dev.opsbot.tools.aws.AwsJsonStubs;
import dev.opsbot.tools.aws.ToolAnswers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code compliance.config_rules}: the rules asked for, the resources read for the worst of them, and the caps. */
class ConfigRulesToolTest {
    @RegisterExtension
    static WireMockExtension aws = AwsJsonStubs.server();

    @AutoClose
    private final ComplianceConnection connection = ConfigStubs.connection(aws);

    private final ConfigRulesTool tool = new ConfigRulesTool(connection);

    private ToolResult call(String arguments) {
        return tool.call(alice(), json(arguments));
    }

    private JsonNode data(String arguments) {
        return ToolAnswers.data(tool, alice(), arguments);
    }

    @Test
    void asksForNonCompliantRulesSignedWithThePersonsSessionInTheRegion() {
        aws.stubFor(config(DESCRIBE).willReturn(json11(200, rules(null))));

        call("{}");

        LoggedRequest request = sent(aws, DESCRIBE).getFirst();
        assertThat(body(request).toString()).isEqualTo("{\"ComplianceTypes\":[\"NON_COMPLIANT\"]}");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(AliceSession.authorization(request)).contains("/eu-west-1/config/aws4_request");
    }

    @Test
    void nonCompliantRulesComeMostResourcesFirstWithTheirResources() {
        aws.stubFor(config(DESCRIBE)
                .willReturn(json11(
                        200,
                        rules(
                                null,
                                nonCompliant("required-tags", 2),
                                nonCompliant("s3-bucket-public-read-prohibited", 12),
                                rule("ec2-imdsv2-check", "NON_COMPLIANT", 100, true)))));
        aws.stubFor(details("ec2-imdsv2-check")
                .willReturn(json11(
                        200,
                        evaluations(
                                "ec2-imdsv2-check",
                                "more",
                                "AWS::EC2::Instance",
                                "i-0abc",
                                "HttpTokens is optional"))));
        aws.stubFor(details("s3-bucket-public-read-prohibited")
                .willReturn(json11(
                        200,
                        evaluations("s3-bucket-public-read-prohibited", null, "AWS::S3::Bucket", "shop-assets", ""))));
        aws.stubFor(details("required-tags")
                .willReturn(json11(200, evaluations("required-tags", null, "AWS::RDS::DBInstance", "orders", "x"))));

        ToolResult result = call("{\"resourcesPerRule\": 3}");

        ToolResult.Success success = (ToolResult.Success) result;
        JsonNode data = success.data();
        assertThat(data.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(data.path("rules").findValuesAsText("name"))
                .containsExactly("ec2-imdsv2-check", "s3-bucket-public-read-prohibited", "required-tags");
        JsonNode worst = data.path("rules").get(0);
        assertThat(worst.path("nonCompliantResources").asInt()).isEqualTo(100);
        assertThat(worst.path("atLeast").asBoolean()).isTrue();
        assertThat(worst.path("moreResources").asBoolean()).isTrue();
        assertThat(worst.path("resources").toString())
                .isEqualTo("[{\"type\":\"AWS::EC2::Instance\",\"id\":\"i-0abc\",\"annotation\":\"HttpTokens is"
                        + " optional\",\"evaluatedAt\":\"2026-03-10T08:15:00Z\"}]");
        assertThat(data.path("rules").get(1).has("moreResources")).isFalse();
        assertThat(data.path("rules").get(1).path("resources").get(0).has("annotation"))
                .isFalse();
        assertThat(data.path("counts").toString()).isEqualTo("{\"NON_COMPLIANT\":3}");
        assertThat(data.path("total").asInt()).isEqualTo(3);
        assertThat(data.path("truncated").asBoolean()).isFalse();
        assertThat(data.has("gaps")).isFalse();
        JsonNode asked = body(sent(aws, DETAILS).getFirst());
        assertThat(asked.toString())
                .isEqualTo("{\"ConfigRuleName\":\"ec2-imdsv2-check\",\"ComplianceTypes\":[\"NON_COMPLIANT\"],"
                        + "\"Limit\":3}");
        assertThat(success.summary())
                .isEqualTo("3 AWS Config rules are non-compliant in eu-west-1 (at least 114 resources); most:"
                        + " ec2-imdsv2-check (100)");
    }

    @Test
    void onlyTheTenWorstNonCompliantRulesHaveTheirResourcesRead() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            many.add(nonCompliant("rule-" + (char) ('a' + i), i));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object>[] page = many.toArray(Map[]::new);
        aws.stubFor(config(DESCRIBE).willReturn(json11(200, rules(null, page))));
        aws.stubFor(config(DETAILS).willReturn(json11(200, evaluations("any", null))));

        JsonNode data = data("{}");

        assertThat(sent(aws, DETAILS)).hasSize(ConfigRulesTool.DETAILED_RULES);
        assertThat(data.path("rules")).hasSize(12);
        assertThat(data.path("rules").get(10).has("resources")).isFalse();
        assertThat(sent(aws, DETAILS).stream()
                        .map(r -> body(r).path("ConfigRuleName").asText()))
                .doesNotContain("rule-b", "rule-c");
    }

    @Test
    void rulePagesAreFollowedWithTheirToken() {
        aws.stubFor(config(DESCRIBE)
                .inScenario("pages")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json11(200, rules("page-2", nonCompliant("rule-a", 1))))
                .willSetStateTo("second"));
        aws.stubFor(config(DESCRIBE)
                .inScenario("pages")
                .whenScenarioStateIs("second")
                .willReturn(json11(200, rules(null, nonCompliant("rule-b", 4)))));
        aws.stubFor(config(DETAILS).willReturn(json11(200, evaluations("any", null))));

        JsonNode data = data("{}");

        List<LoggedRequest> pages = sent(aws, DESCRIBE);
        assertThat(pages).hasSize(2);
        assertThat(body(pages.get(1)).path("NextToken").asText()).isEqualTo("page-2");
        assertThat(data.path("rules").findValuesAsText("name")).containsExactly("rule-b", "rule-a");
    }

    @Test
    void rulePagesAreBounded() {
        aws.stubFor(config(DESCRIBE).willReturn(json11(200, rules("again", rule("rule-a", "COMPLIANT", 0, false)))));

        JsonNode data = data("{\"compliance\": \"COMPLIANT\"}");

        assertThat(sent(aws, DESCRIBE)).hasSize(ConfigRulesTool.MAX_PAGES);
        assertThat(data.path("truncated").asBoolean()).isTrue();
        assertThat(sent(aws, DETAILS)).isEmpty();
    }

    @Test
    void allComplianceTypesSendNoFilterAndAreCounted() {
        aws.stubFor(config(DESCRIBE)
                .willReturn(json11(
                        200,
                        rules(
                                null,
                                rule("rule-ok", "COMPLIANT", 0, false),
                                nonCompliant("rule-bad", 3),
                                rule("rule-new", "INSUFFICIENT_DATA", 0, false)))));
        aws.stubFor(config(DETAILS).willReturn(json11(200, evaluations("rule-bad", null))));

        ToolResult.Success success = (ToolResult.Success) call("{\"compliance\": \"ALL\"}");

        assertThat(body(sent(aws, DESCRIBE).getFirst()).toString()).isEqualTo("{}");
        assertThat(success.data().path("counts").toString())
                .isEqualTo("{\"COMPLIANT\":1,\"INSUFFICIENT_DATA\":1,\"NON_COMPLIANT\":1}");
        assertThat(success.data().path("rules").get(0).path("name").asText()).isEqualTo("rule-bad");
        assertThat(success.data().path("rules").get(1).has("nonCompliantResources"))
                .isFalse();
        assertThat(success.summary())
                .isEqualTo("1 AWS Config rule is non-compliant in eu-west-1 (3 resources, of 3 rules listed); most:"
                        + " rule-bad (3)");
    }

    @Test
    void oneRuleCanBeAskedForByName() {
        aws.stubFor(config(DESCRIBE).willReturn(json11(200, rules(null))));

        ToolResult result = call("{\"rule\": \"s3-bucket-public-read-prohibited\"}");

        assertThat(body(sent(aws, DESCRIBE).getFirst()).path("ConfigRuleNames").toString())
                .isEqualTo("[\"s3-bucket-public-read-prohibited\"]");
        assertThat(result)
                .isEqualTo(new ToolResult.NoData(
                        "AWS Config reports no NON_COMPLIANT rules named s3-bucket-public-read-prohibited in"
                                + " eu-west-1"));
    }

    @Test
    void resourcesThatCannotBeReadAreAGapAndTheRulesStillAnswer() {
        aws.stubFor(config(DESCRIBE)
                .willReturn(json11(200, rules(null, nonCompliant("rule-a", 5), nonCompliant("rule-b", 1)))));
        aws.stubFor(config(DETAILS).willReturn(error(400, "AccessDeniedException")));

        JsonNode data = data("{}");

        assertThat(sent(aws, DETAILS)).hasSize(1);
        assertThat(data.path("rules")).hasSize(2);
        assertThat(data.path("rules").get(0).has("resources")).isFalse();
        assertThat(data.path("gaps").toString())
                .isEqualTo("[\"resources of rule-a and the rules after it: this identity lacks permission"
                        + " config:GetComplianceDetailsByConfigRule\"]");
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsSent() {
        assertThat(call("{\"compliance\": \"BROKEN\"}"))
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.BAD_REQUEST,
                        "argument 'compliance' must be one of NON_COMPLIANT, COMPLIANT, INSUFFICIENT_DATA, ALL, not"
                                + " 'BROKEN'"));
        assertThat(call("{\"resourcesPerRule\": 0}"))
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.BAD_REQUEST, "argument 'resourcesPerRule' must be at least 1"));
        assertThat(call("{\"rule\": \"" + "r".repeat(129) + "\"}"))
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.BAD_REQUEST, "argument 'rule' is longer than 128 characters"));
        assertThat(aws.getAllServeEvents()).isEmpty();
    }
}
