package dev.opsbot.tools.kubernetes.internal;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which of a node's conditions are bad: a pressure condition that is True, or Ready that is not True. */
public final class NodeConditions {
    private static final Set<String> PRESSURES =
            Set.of("MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable");

    private NodeConditions() {}

    public static List<NodeCondition> bad(Node node) {
        List<NodeCondition> bad = new ArrayList<>();
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return bad;
        }
        for (NodeCondition condition : node.getStatus().getConditions()) {
            boolean pressure = PRESSURES.contains(condition.getType()) && "True".equals(condition.getStatus());
            boolean notReady = "Ready".equals(condition.getType()) && !"True".equals(condition.getStatus());
            if (pressure || notReady) {
                bad.add(condition);
            }
        }
        return bad;
    }

    /** {@code MemoryPressure}, or {@code NotReady} for a Ready condition that is False or Unknown. */
    public static String name(NodeCondition condition) {
        return "Ready".equals(condition.getType()) ? "NotReady" : condition.getType();
    }

    public static boolean ready(Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return false;
        }
        return node.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
