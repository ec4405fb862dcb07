package dev.opsbot.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.tool.ToolInvokerTest.ScriptedTool;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolRegistryTest {
    private static ScriptedTool tool(String name, Risk risk) {
        return new ScriptedTool(name, risk, context -> new ToolResult.NoData("none"));
    }

    @Test
    void twoToolsWithOneNameAreAWiringBugNamedInTheMessage() {
        List<Tool> tools = List.of(
                tool("kubernetes.list_pods", Risk.READ),
                tool("kubernetes.rollback", Risk.WRITE),
                tool("kubernetes.list_pods", Risk.READ));

        assertThatThrownBy(() -> new ToolRegistry(tools))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'kubernetes.list_pods'");
    }

    @Test
    void toolsAreFoundByNameAndListedInTheOrderGiven() {
        Tool pods = tool("kubernetes.list_pods", Risk.READ);
        Tool query = tool("prometheus.query", Risk.READ);
        ToolRegistry registry = new ToolRegistry(List.of(pods, query));

        assertThat(registry.find("prometheus.query")).containsSame(query);
        assertThat(registry.find("prometheus.delete_everything")).isEmpty();
        assertThat(registry.specs())
                .extracting(ToolSpec::name)
                .containsExactly("kubernetes.list_pods", "prometheus.query");
    }

    @Test
    void withRiskSelectsExactlyTheToolsOfThatRisk() {
        Tool pods = tool("kubernetes.list_pods", Risk.READ);
        Tool rollback = tool("kubernetes.rollback", Risk.WRITE);
        Tool query = tool("prometheus.query", Risk.READ);
        Tool delete = tool("kubernetes.delete_network_policy", Risk.DESTRUCTIVE);
        ToolRegistry registry = new ToolRegistry(List.of(pods, rollback, query, delete));

        assertThat(registry.withRisk(Risk.READ)).containsExactly(pods, query);
        assertThat(registry.withRisk(Risk.WRITE)).containsExactly(rollback);
        assertThat(registry.withRisk(Risk.DESTRUCTIVE)).containsExactly(delete);
    }

    @Test
    void anEmptyRegistryOffersNothing() {
        ToolRegistry registry = new ToolRegistry(List.of());

        assertThat(registry.specs()).isEmpty();
        assertThat(registry.withRisk(Risk.READ)).isEmpty();
    }
}
