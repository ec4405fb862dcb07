package dev.opsbot.tools.cost;

import static dev.opsbot.tools.aws.AwsJsonStubs.body;
import static dev.opsbot.tools.aws.AwsJsonStubs.json;
import static dev.opsbot.tools.aws.AwsJsonStubs.json11;
import static dev.opsbot.tools.cost.CostResponses.day;
import static dev.opsbot.tools.cost.CostResponses.page;
import static dev.opsbot.tools.cost.CostResponses.period;
import static dev.opsbot.tools.cost.CostStubs.alice;
import static dev.opsbot.tools.cost.CostStubs.ce;
import static dev.opsbot.tools.cost.CostStubs.sent;
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

/** {@code cost.get_costs}: what is asked of Cost Explorer, and how its answer is cut down for the model. */
class GetCostsToolTest {
    @RegisterExtension
    static WireMockExtension aws = AwsJsonStubs.server();

    @AutoClose
    private final CostConnection connection = CostStubs.connection(aws);

    private final GetCostsTool tool = new GetCostsTool(connection);

    private ToolResult call(String arguments) {
        return tool.call(alice(), json(arguments));
    }

    private JsonNode data(String arguments) {
        return ToolAnswers.data(tool, alice(), arguments);
    }

    private static Object[] services(int count, double first) {
        List<Object> keysAndAmounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keysAndAmounts.add("Service " + (char) ('A' + i));
            keysAndAmounts.add(String.valueOf(first - i));
        }
        return keysAndAmounts.toArray();
    }

    @Test
    void asksForTheLastFourteenCompleteDaysByServiceSignedWithThePersonsSession() {
        aws.stubFor(ce("GetCostAndUsage")
                .willReturn(json11(200, page(null, day("2026-03-09", "2026-03-10", "Amazon EC2", "10.0")))));

        call("{}");

        LoggedRequest request = sent(aws, "GetCostAndUsage").getFirst();
        JsonNode body = body(request);
        assertThat(body.path("TimePeriod").path("Start").asText()).isEqualTo("2026-02-24");
        assertThat(body.path("TimePeriod").path("End").asText()).isEqualTo("2026-03-10");
        assertThat(body.path("Granularity").asText()).isEqualTo("DAILY");
        assertThat(body.path("Metrics").toString()).isEqualTo("[\"UnblendedCost\"]");
        assertThat(body.path("GroupBy").toString()).isEqualTo("[{\"Type\":\"DIMENSION\",\"Key\":\"SERVICE\"}]");
        assertThat(body.has("Filter")).isFalse();
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(AliceSession.authorization(request)).contains("/us-east-1/ce/aws4_request");
    }

    @Test
    void aServiceFilterATagGroupingAndMonthlyPeriodsAreSentAsAsked() {
        aws.stubFor(ce("GetCostAndUsage")
                .willReturn(json11(
                        200,
                        page(
                                null,
                                day("2026-03-01", "2026-03-10", "team$checkout", "40.5", "team$", "12.25"),
                                day("2026-02-01", "2026-03-01", "team$checkout", "100")))));

        JsonNode data = data("{\"days\": 40, \"granularity\": \"MONTHLY\", \"groupBy\": \"TAG:team\","
                + " \"service\": \"Amazon Relational Database Service\"}");

        JsonNode body = body(sent(aws, "GetCostAndUsage").getFirst());
        assertThat(body.path("TimePeriod").path("Start").asText()).isEqualTo("2026-01-29");
        assertThat(body.path("Granularity").asText()).isEqualTo("MONTHLY");
        assertThat(body.path("GroupBy").toString()).isEqualTo("[{\"Type\":\"TAG\",\"Key\":\"team\"}]");
        assertThat(body.path("Filter").toString())
                .isEqualTo("{\"Dimensions\":{\"Key\":\"SERVICE\",\"Values\":[\"Amazon Relational Database"
                        + " Service\"]}}");
        assertThat(data.path("service").asText()).isEqualTo("Amazon Relational Database Service");
        assertThat(data.path("periods").get(0).path("start").asText()).isEqualTo("2026-02-01");
        assertThat(data.path("periods").get(1).path("groups").toString())
                .isEqualTo("{\"team=checkout\":40.50,\"team=(untagged)\":12.25}");
    }

    @Test
    void eachPeriodShowsItsTopTenGroupsAndTheRestAsOthers() {
        Object[] monday = services(12, 100);
        Object[] tuesday = services(12, 100);
        tuesday[5] = "250"; // Service C: 98 -> 250
        aws.stubFor(ce("GetCostAndUsage")
                .willReturn(json11(
                        200,
                        page(
                                null,
                                day("2026-03-08", "2026-03-09", monday),
                                day("2026-03-09", "2026-03-10", tuesday)))));

        ToolResult result = call("{\"days\": 2}");

        assertThat(result).isInstanceOf(ToolResult.Success.class);
        ToolResult.Success success = (ToolResult.Success) result;
        JsonNode data = success.data();
        assertThat(data.path("unit").asText()).isEqualTo("USD");
        assertThat(data.path("metric").asText()).isEqualTo("UnblendedCost");
        assertThat(data.path("start").asText()).isEqualTo("2026-03-08");
        assertThat(data.path("end").asText()).isEqualTo("2026-03-10");
        // 12 services from 100 down to 89: 1134 a day, and Service C 152 more on the second day
        assertThat(data.path("total").decimalValue()).isEqualByComparingTo("2420.00");
        JsonNode first = data.path("periods").get(0);
        assertThat(first.path("total").decimalValue()).isEqualByComparingTo("1134");
        assertThat(first.path("groups").size()).isEqualTo(10);
        assertThat(first.path("groups").fieldNames().next()).isEqualTo("Service A");
        assertThat(first.path("others").path("groups").asInt()).isEqualTo(2);
        assertThat(first.path("others").path("amount").decimalValue()).isEqualByComparingTo("179"); // 90 + 89
        JsonNode second = data.path("periods").get(1);
        assertThat(second.path("groups").fieldNames().next()).isEqualTo("Service C");
        assertThat(data.path("topGroups").path("groups").path("Service C").decimalValue())
                .isEqualByComparingTo("348");
        assertThat(data.path("biggestChange").toString())
                .isEqualTo("{\"group\":\"Service C\",\"from\":\"2026-03-08\",\"to\":\"2026-03-09\",\"before\":98.00,"
                        + "\"after\":250.00,\"change\":152.00}");
        assertThat(success.summary())
                .isEqualTo("AWS costs from 2026-03-08 to 2026-03-09 (2 days, by service): 2420.00 USD; top Service C"
                        + " 348.00 USD; biggest day-over-day change: Service C +152.00 USD on 2026-03-09");
    }

    @Test
    void aDropIsABiggerChangeThanASmallerRise() {
        aws.stubFor(ce("GetCostAndUsage")
                .willReturn(json11(
                        200,
                        page(
                                null,
                                day("2026-03-08", "2026-03-09", "Amazon EC2", "300", "Amazon S3", "10"),
                                day("2026-03-09", "2026-03-10", "Amazon EC2", "100", "Amazon S3", "60")))));

        JsonNode change = data("{\"days\": 2}").path("biggestChange");

        assertThat(change.path("group").asText()).isEqualTo("Amazon EC2");
        assertThat(change.path("change").decimalValue()).isEqualByComparingTo("-200");
    }

    @Test
    void aPeriodSplitAcrossPagesIsAddedUpAndTheTokenIsSentBack() {
        aws.stubFor(ce("GetCostAndUsage")
                .inScenario("pages")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json11(200, page("page-2", day("2026-03-08", "2026-03-09", "Amazon EC2", "10.004"))))
                .willSetStateTo("second"));
        aws.stubFor(ce("GetCostAndUsage")
                .inScenario("pages")
                .whenScenarioStateIs("second")
                .willReturn(json11(
                        200,
                        page(
                                null,
                                day("2026-03-08", "2026-03-09", "Amazon S3", "5"),
                                day("2026-03-09", "2026-03-10", "Amazon EC2", "12")))));

        JsonNode data = data("{\"days\": 2}");

        List<LoggedRequest> requests = sent(aws, "GetCostAndUsage");
        assertThat(requests).hasSize(2);
        assertThat(body(requests.get(0)).has("NextPageToken")).isFalse();
        assertThat(body(requests.get(1)).path("NextPageToken").asText()).isEqualTo("page-2");
        assertThat(body(requests.get(1)).path("TimePeriod"))
                .isEqualTo(body(requests.get(0)).path("TimePeriod"));
        JsonNode monday = data.path("periods").get(0);
        assertThat(monday.path("total").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(monday.path("groups").toString()).isEqualTo("{\"Amazon EC2\":10.00,\"Amazon S3\":5.00}");
        assertThat(data.path("periods")).hasSize(2);
        assertThat(data.has("truncated")).isFalse();
    }

    @Test
    void pagesAreFollowedAtMostFiveTimes() {
        aws.stubFor(ce("GetCostAndUsage")
                .willReturn(json11(200, page("more", day("2026-03-09", "2026-03-10", "Amazon EC2", "1")))));

        JsonNode data = data("{\"days\": 1}");

        assertThat(sent(aws, "GetCostAndUsage")).hasSize(GetCostsTool.MAX_PAGES);
        assertThat(data.path("truncated").asBoolean()).isTrue();
        assertThat(data.path("total").decimalValue()).isEqualByComparingTo("5");
    }

    @Test
    void estimatedPeriodsAreMarkedAndCentsThatRoundToZeroAreLeftOut() {
        aws.stubFor(ce("GetCostAndUsage")
                .willReturn(json11(
                        200,
                        page(
                                null,
                                period(
                                        "2026-03-09",
                                        "2026-03-10",
                                        true,
                                        "Amazon EC2",
                                        "7.125",
                                        "AWS Key Management Service",
                                        "0.0000001")))));

        JsonNode period = data("{\"days\": 1}").path("periods").get(0);

        assertThat(period.path("estimated").asBoolean()).isTrue();
        assertThat(period.path("groups").toString()).isEqualTo("{\"Amazon EC2\":7.13}");
    }

    @Test
    void noCostsAtAllIsNoData() {
        aws.stubFor(ce("GetCostAndUsage")
                .willReturn(json11(200, page(null, day("2026-03-08", "2026-03-09"), day("2026-03-09", "2026-03-10")))));

        ToolResult result = call("{\"days\": 2, \"service\": \"Amazon Redshift\"}");

        assertThat(result)
                .isEqualTo(new ToolResult.NoData(
                        "AWS Cost Explorer has no costs of Amazon Redshift from 2026-03-08 to 2026-03-09"));
    }

    @Test
    void daysAboveTheMaximumAreCappedAtNinety() {
        aws.stubFor(ce("GetCostAndUsage")
                .willReturn(json11(200, page(null, day("2026-03-09", "2026-03-10", "Amazon EC2", "1")))));

        call("{\"days\": 365}");

        assertThat(body(sent(aws, "GetCostAndUsage").getFirst())
                        .path("TimePeriod")
                        .path("Start")
                        .asText())
                .isEqualTo("2025-12-10");
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsSent() {
        Map<String, String> refusals = Map.of(
                "{\"groupBy\": \"REGION\"}",
                "argument 'groupBy' must be one of SERVICE, LINKED_ACCOUNT, USAGE_TYPE or TAG:<key>, not 'REGION'",
                "{\"groupBy\": \"TAG:\"}",
                "argument 'groupBy' must be one of SERVICE, LINKED_ACCOUNT, USAGE_TYPE or TAG:<key>, not 'TAG:'",
                "{\"granularity\": \"HOURLY\"}",
                "argument 'granularity' must be one of DAILY, MONTHLY, not 'HOURLY'",
                "{\"days\": 0}",
                "argument 'days' must be at least 1",
                "{\"days\": \"a week\"}",
                "argument 'days' must be an integer",
                "{\"service\": 42}",
                "argument 'service' must be a string");

        refusals.forEach((arguments, why) -> assertThat(call(arguments))
                .as(arguments)
                .isEqualTo(new ToolResult.Error(SourceFailure.Kind.BAD_REQUEST, why)));
        assertThat(aws.getAllServeEvents()).isEmpty();
    }
}
