package dev.opsbot.tools.cost;

import dev.opsbot.core.tool.Tool;
import java.util.List;

/** The cost tools, for wiring: {@code cost.get_costs} and {@code cost.get_anomalies}, both as the person asking. */
public final class CostTools {
    private CostTools() {}

    public static List<Tool> all(CostConnection connection) {
        return List.of(new GetCostsTool(connection), new GetAnomaliesTool(connection));
    }
}
