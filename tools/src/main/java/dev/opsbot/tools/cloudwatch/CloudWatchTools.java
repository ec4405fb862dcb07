package dev.opsbot.tools.cloudwatch;

import dev.opsbot.core.tool.Tool;
import java.util.ArrayList;
import java.util.List;

/** The CloudWatch tools, for wiring: {@code get_signal} always, {@code search_logs} when log groups are configured. */
public final class CloudWatchTools {
    private CloudWatchTools() {}

    public static List<Tool> all(CloudWatchSignals signals, CloudWatchLogSearch logs) {
        List<Tool> tools = new ArrayList<>();
        tools.add(new GetSignalTool(signals));
        if (logs != null) {
            tools.add(new SearchLogsTool(logs));
        }
        return List.copyOf(tools);
    }
}
