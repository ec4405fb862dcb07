package dev.opsbot.app.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.core.policy.ApprovedAction;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.tool.ToolSpec;
import dev.opsbot.tools.actions.ActionArguments;
import dev.opsbot.tools.actions.ActionTool;
import dev.opsbot.tools.actions.Requests;
import dev.opsbot.tools.http.JsonSchema;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** An action tool that records how it was called: the approval bound, the principal, the arguments. */
final class RecordingTool implements ActionTool {
    private final ToolSpec spec;
    private final Function<JsonNode, ToolResult> behaviour;
    volatile ApprovedAction approvalSeen;
    volatile ToolContext contextSeen;
    volatile JsonNode argumentsSeen;
    volatile int calls;

    RecordingTool(String name, Risk risk, Function<JsonNode, ToolResult> behaviour) {
        this.spec = new ToolSpec(
                name,
                name.substring(0, name.indexOf('.')),
                "records its calls",
                "records its calls",
                JsonSchema.object()
                        .string("namespace", "ns")
                        .string("name", "name")
                        .integer("toRevision", "revision", 1, 1000)
                        .build(),
                risk);
        this.behaviour = behaviour;
    }

    static RecordingTool succeeding(String name) {
        return new RecordingTool(name, Risk.WRITE, args -> new ToolResult.Success("did it", args));
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public JsonNode arguments(String target, Map<String, Object> params) {
        String[] parts = target.split("/");
        return ActionArguments.namespaced("test", parts[1], parts[2], params);
    }

    @Override
    public List<PolicyRequest> requests(JsonNode arguments, String environment, String principal) {
        ActionArguments.onlyKnown(spec, arguments);
        String ns = arguments.path("namespace").asText();
        String name = arguments.path("name").asText();
        return List.of(
                Requests.kubernetes("get", "deployments", ns, name, environment, principal),
                Requests.kubernetes("patch", "deployments", ns, name, environment, principal));
    }

    @Override
    public ToolResult call(ToolContext context, JsonNode arguments) {
        calls++;
        approvalSeen = ApprovedAction.current().orElse(null);
        contextSeen = context;
        argumentsSeen = arguments;
        return behaviour.apply(arguments);
    }
}
