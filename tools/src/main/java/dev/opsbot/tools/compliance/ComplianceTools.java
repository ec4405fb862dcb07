package dev.opsbot.tools.compliance;

import dev.opsbot.core.tool.Tool;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import java.util.ArrayList;
import java.util.List;

/**
 * The compliance tools, for wiring: {@code compliance.config_rules} when AWS Config is configured,
 * {@code compliance.pod_security} when Kubernetes is; either may be null.
 */
public final class ComplianceTools {
    private ComplianceTools() {}

    public static List<Tool> all(ComplianceConnection config, KubernetesAccess kubernetes) {
        List<Tool> tools = new ArrayList<>();
        if (config != null) {
            tools.add(new ConfigRulesTool(config));
        }
        if (kubernetes != null) {
            tools.add(new PodSecurityTool(kubernetes));
        }
        return List.copyOf(tools);
    }
}
