package dev.opsbot.tools.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolSpec;
import dev.opsbot.tools.guard.AwsOperations;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cost tools as the agent sees them: read-only, in the cost domain, with object schemas. */
class CostToolsTest {

    @Test
    void everyToolIsAReadOnlyCostToolWithAnObjectSchema() {
        try (CostConnection connection =
                new CostConnection(URI.create("http://127.0.0.1:1"), CostConnection.personsSession())) {
            List<ToolSpec> specs =
                    CostTools.all(connection).stream().map(Tool::spec).toList();

            assertThat(specs).extracting(ToolSpec::name).containsExactly("cost.get_costs", "cost.get_anomalies");
            assertThat(specs).allSatisfy(spec -> {
                assertThat(spec.risk()).isEqualTo(Risk.READ);
                assertThat(spec.domain()).isEqualTo("cost");
                assertThat(spec.name()).matches("cost\\.[a-z]+_[a-z_]+");
                assertThat(spec.parameters().path("type").asText()).isEqualTo("object");
                assertThat(spec.parameters().path("additionalProperties").asBoolean(true))
                        .isFalse();
                assertThat(spec.parameters().has("required")).isFalse();
            });
            assertThat(specs.getFirst()
                            .parameters()
                            .path("properties")
                            .path("granularity")
                            .path("enum"))
                    .hasSize(2);
        }
    }

    @Test
    void theGuardClassifiesCostExplorersOperationsAsReads() {
        assertThat(List.of("GetCostAndUsage", "GetAnomalies"))
                .allSatisfy(
                        operation -> assertThat(AwsOperations.risk(operation)).isEqualTo(Risk.READ));
    }
}
