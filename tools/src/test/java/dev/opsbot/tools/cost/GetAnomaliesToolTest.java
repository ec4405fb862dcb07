package dev.opsbot.tools.cost;

import static dev.opsbot.tools.aws.AwsJsonStubs.body;
import static dev.opsbot.tools.aws.AwsJsonStubs.json;
import static dev.opsbot.tools.aws.AwsJsonStubs.json11;
import static dev.opsbot.tools.cost.CostResponses.anomalies;
import static dev.opsbot.tools.cost.CostResponses.anomaly;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code cost.get_anomalies}: the window asked for, the impact filter, and the anomalies largest first. */
class GetAnomaliesToolTest {
    @RegisterExtension
    static WireMockExtension aws = AwsJsonStubs.server();

    @AutoClose
    private final CostConnection connection = CostStubs.connection(aws);

    private final GetAnomaliesTool tool = new GetAnomaliesTool(connection);

    private ToolResult call(String arguments) {
        return tool.call(alice(), json(arguments));
    }

    @Test
    void asksForTheLastThirtyDaysUpToTodayWithoutAnImpactFilterByDefault() {
        aws.stubFor(ce("GetAnomalies").willReturn(json11(200, anomalies(null))));

        call("{}");

        LoggedRequest request = sent(aws, "GetAnomalies").getFirst();
        JsonNode body = body(request);
        assertThat(body.path("DateInterval").toString())
                .isEqualTo("{\"StartDate\":\"2026-02-08\",\"EndDate\":\"2026-03-10\"}");
        assertThat(body.has("TotalImpact")).isFalse();
        assertThat(AliceSession.authorization(request)).contains("/us-east-1/ce/aws4_request");
    }

    @Test
    void aMinimumImpactIsSentAsATotalImpactFilter() {
        aws.stubFor(ce("GetAnomalies").willReturn(json11(200, anomalies(null))));

        call("{\"days\": 7, \"minImpact\": 100}");

        JsonNode body = body(sent(aws, "GetAnomalies").getFirst());
        assertThat(body.path("DateInterval").path("StartDate").asText()).isEqualTo("2026-03-03");
        assertThat(body.path("TotalImpact").toString())
                .isEqualTo("{\"NumericOperator\":\"GREATER_THAN_OR_EQUAL\",\"StartValue\":100.0}");
    }

    @Test
    void anomaliesComeLargestFirstWithTheirRootCausesImpactAndFeedback() {
        Map<String, Object> ongoing = anomaly(
                "a-2", "2026-03-07T00:00:00Z", null, 312.456, "Amazon Elastic Compute Cloud - Compute", "Amazon S3");
        Map<String, Object> small = anomaly("a-1", "2026-02-20", "2026-02-22", 45.5, "AWS Lambda");
        small.remove("Feedback");
        aws.stubFor(ce("GetAnomalies").willReturn(json11(200, anomalies(null, small, ongoing))));

        ToolResult result = call("{}");

        assertThat(result).isInstanceOf(ToolResult.Success.class);
        ToolResult.Success success = (ToolResult.Success) result;
        JsonNode data = success.data();
        assertThat(data.path("total").asInt()).isEqualTo(2);
        assertThat(data.path("truncated").asBoolean()).isFalse();
        assertThat(data.path("totalImpact").decimalValue()).isEqualByComparingTo("357.96");
        JsonNode first = data.path("anomalies").get(0);
        assertThat(first.path("id").asText()).isEqualTo("a-2");
        assertThat(first.path("start").asText()).isEqualTo("2026-03-07");
        assertThat(first.path("ongoing").asBoolean()).isTrue();
        assertThat(first.has("end")).isFalse();
        assertThat(first.path("totalImpact").decimalValue()).isEqualByComparingTo("312.46");
        assertThat(first.path("maxImpact").decimalValue()).isEqualByComparingTo("156.23");
        assertThat(first.path("feedback").asText()).isEqualTo("YES");
        assertThat(first.path("rootCauses")).hasSize(2);
        assertThat(first.path("rootCauses").get(0).toString())
                .isEqualTo("{\"service\":\"Amazon Elastic Compute Cloud - Compute\",\"region\":\"us-east-1\","
                        + "\"account\":\"111111111111\",\"accountName\":\"shop-prod\","
                        + "\"usageType\":\"BoxUsage:m5.xlarge\",\"contribution\":312.46}");
        JsonNode second = data.path("anomalies").get(1);
        assertThat(second.path("end").asText()).isEqualTo("2026-02-22");
        assertThat(second.path("feedback").asText()).isEqualTo("NONE");
        assertThat(success.summary())
                .isEqualTo("2 cost anomalies in the last 30 days, total impact 357.96 USD; largest: Amazon Elastic"
                        + " Compute Cloud - Compute in us-east-1 +312.46 USD from 2026-03-07");
    }

    @Test
    void atMostTwentyAnomaliesAndThreeRootCausesEachAreReturned() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(anomaly("a-" + i, "2026-03-01", "2026-03-02", 10 + i, "S1", "S2", "S3", "S4"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object>[] page = many.toArray(Map[]::new);
        aws.stubFor(ce("GetAnomalies").willReturn(json11(200, anomalies(null, page))));

        JsonNode data = ((ToolResult.Success) call("{}")).data();

        assertThat(data.path("anomalies")).hasSize(GetAnomaliesTool.MAX_ANOMALIES);
        assertThat(data.path("anomalies").get(0).path("id").asText()).isEqualTo("a-24");
        assertThat(data.path("anomalies").get(0).path("rootCauses")).hasSize(GetAnomaliesTool.MAX_ROOT_CAUSES);
        assertThat(data.path("total").asInt()).isEqualTo(25);
        assertThat(data.path("truncated").asBoolean()).isTrue();
    }

    @Test
    void theNextPageIsAskedForWithItsToken() {
        aws.stubFor(ce("GetAnomalies")
                .inScenario("pages")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json11(200, anomalies("next", anomaly("a-1", "2026-03-01", null, 5, "S1"))))
                .willSetStateTo("second"));
        aws.stubFor(ce("GetAnomalies")
                .inScenario("pages")
                .whenScenarioStateIs("second")
                .willReturn(json11(200, anomalies(null, anomaly("a-2", "2026-03-02", null, 50, "S2")))));

        JsonNode data = ((ToolResult.Success) call("{}")).data();

        List<LoggedRequest> requests = sent(aws, "GetAnomalies");
        assertThat(requests).hasSize(2);
        assertThat(body(requests.get(1)).path("NextPageToken").asText()).isEqualTo("next");
        assertThat(data.path("anomalies").get(0).path("id").asText()).isEqualTo("a-2");
        assertThat(data.path("total").asInt()).isEqualTo(2);
    }

    @Test
    void noAnomaliesIsNoData() {
        aws.stubFor(ce("GetAnomalies").willReturn(json11(200, anomalies(null))));

        assertThat(call("{\"days\": 7, \"minImpact\": 50}"))
                .isEqualTo(new ToolResult.NoData("AWS Cost Explorer found no cost anomalies in the last 7 days with"
                        + " an impact of at least 50 USD"));
    }

    @Test
    void aNegativeMinimumImpactIsRefused() {
        assertThat(call("{\"minImpact\": -5}"))
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.BAD_REQUEST, "argument 'minImpact' must be at least 0"));
        assertThat(aws.getAllServeEvents()).isEmpty();
    }
}
