package dev.opsbot.core.tool;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tools this deployment offers, by name. Names are unique: a second tool with the same name is a wiring bug. */
public final class ToolRegistry {
    private final Map<String, Tool> byName = new LinkedHashMap<>();

    public ToolRegistry(Collection<? extends Tool> tools) {
        for (Tool tool : tools) {
            Tool previous = byName.putIfAbsent(tool.spec().name(), tool);
            if (previous != null) {
                throw new IllegalArgumentException(
                        "two tools are named '" + tool.spec().name() + "'");
            }
        }
    }

    public Optional<Tool> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<ToolSpec> specs() {
        return byName.values().stream().map(Tool::spec).toList();
    }

    /** The tools of one risk, e.g. what the agent may call without a proposal. */
    public List<Tool> withRisk(Risk risk) {
        return byName.values().stream().filter(t -> t.spec().risk() == risk).toList();
    }
}
