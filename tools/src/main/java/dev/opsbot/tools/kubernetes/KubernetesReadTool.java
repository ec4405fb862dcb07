package dev.opsbot.tools.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.tool.ToolSpec;
import dev.opsbot.tools.http.JsonSchema;
import dev.opsbot.tools.kubernetes.internal.Args;

/** A read-only Kubernetes tool: arguments checked, the read done as the person, failures returned as data. */
abstract class KubernetesReadTool implements Tool {
    protected final KubernetesAccess access;
    private final ToolSpec spec;

    KubernetesReadTool(KubernetesAccess access, String verbNoun, String forModel, String forPeople, JsonNode schema) {
        this.access = access;
        this.spec = new ToolSpec(
                KubernetesAccess.SOURCE + "." + verbNoun,
                KubernetesAccess.SOURCE,
                forModel,
                forPeople,
                schema,
                Risk.READ);
    }

    @Override
    public final ToolSpec spec() {
        return spec;
    }

    @Override
    public final ToolResult call(ToolContext context, JsonNode arguments) {
        try {
            return read(context, new Args(arguments));
        } catch (SourceFailure failure) {
            return ToolResult.Error.of(failure);
        }
    }

    protected abstract ToolResult read(ToolContext context, Args args);

    /** The schema of a namespaced tool: the required {@code namespace} argument, then the tool's own. */
    static JsonSchema namespacedSchema() {
        return JsonSchema.object()
                .string("namespace", "Kubernetes namespace, e.g. shop")
                .require("namespace");
    }
}
