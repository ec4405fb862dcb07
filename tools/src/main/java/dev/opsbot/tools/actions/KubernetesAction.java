package dev.opsbot.tools.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.tool.ToolSpec;
import dev.opsbot.tools.http.Arguments;
import dev.opsbot.tools.http.JsonSchema;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import java.util.List;
import java.util.Map;

/**
 * An action on one Deployment: the arguments are its namespace and name (from a {@code Deployment/ns/name} target)
 * and the action's own; they are parsed once into {@code P}, for declaring the requests and for acting. Source
 * failures come back as {@link ToolResult.Error}; a guardrail's refusal is not caught here, it reaches the runner.
 *
 * @param <P> the parsed arguments
 */
abstract class KubernetesAction<P> implements ActionTool {
    static final String SOURCE = KubernetesAccess.SOURCE;

    protected final KubernetesAccess access;
    private final ToolSpec spec;

    KubernetesAction(KubernetesAccess access, String verbNoun, String forModel, String forPeople, JsonSchema own) {
        this.access = access;
        this.spec = new ToolSpec(SOURCE + "." + verbNoun, SOURCE, forModel, forPeople, own.build(), Risk.WRITE);
    }

    /** The schema every Deployment action starts from: namespace and name, both required. */
    static JsonSchema deploymentSchema() {
        return JsonSchema.object()
                .string("namespace", "the Deployment's namespace, e.g. shop")
                .string("name", "the Deployment's name, e.g. checkout")
                .require("namespace", "name");
    }

    @Override
    public final ToolSpec spec() {
        return spec;
    }

    @Override
    public final JsonNode arguments(String target, Map<String, Object> params) {
        Target deployment = Target.parse(SOURCE, target).require(SOURCE, spec.name(), "Deployment", true);
        return ActionArguments.namespaced(SOURCE, deployment.namespace(), deployment.name(), params);
    }

    @Override
    public final List<PolicyRequest> requests(JsonNode arguments, String environment, String principal) {
        return requests(parse(arguments), environment, principal);
    }

    @Override
    public final ToolResult call(ToolContext context, JsonNode arguments) {
        try {
            return act(context, parse(arguments));
        } catch (SourceFailure failure) {
            return ToolResult.Error.of(failure);
        }
    }

    private P parse(JsonNode arguments) {
        ActionArguments.onlyKnown(spec, arguments);
        return parse(new Arguments(SOURCE, arguments));
    }

    /** @throws SourceFailure BAD_REQUEST naming the argument that is missing or wrong */
    protected abstract P parse(Arguments arguments);

    protected abstract List<PolicyRequest> requests(P params, String environment, String principal);

    protected abstract ToolResult act(ToolContext context, P params);

    /** A refusal that names the object and why nothing was done. */
    static SourceFailure refused(String why) {
        return new SourceFailure(SOURCE, SourceFailure.Kind.BAD_REQUEST, why, null);
    }
}
