package dev.opsbot.tools.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.tool.ToolSpec;
import dev.opsbot.tools.actions.ActionArguments;
import dev.opsbot.tools.actions.ActionTool;
import dev.opsbot.tools.actions.Target;
import dev.opsbot.tools.http.Arguments;
import dev.opsbot.tools.http.JsonSchema;
import java.util.List;
import java.util.Map;

/**
 * An action on one Argo CD application, named by an {@code Application/name} target (or
 * {@code Application/argocd/name}, as triage names applications: the API is asked by name, in Argo CD's own
 * namespace). Source failures come back as {@link ToolResult.Error}.
 *
 * @param <P> the parsed arguments
 */
abstract class ArgoCdAction<P> implements ActionTool {
    protected final ArgoCdClient client;
    private final ToolSpec spec;

    ArgoCdAction(ArgoCdClient client, String verb, String forModel, String forPeople, JsonSchema own) {
        this.client = client;
        this.spec = new ToolSpec(
                ArgoCdClient.SOURCE + "." + verb, ArgoCdClient.SOURCE, forModel, forPeople, own.build(), Risk.WRITE);
    }

    static JsonSchema applicationSchema() {
        return JsonSchema.object()
                .string("name", "the Argo CD application's name")
                .require("name");
    }

    @Override
    public final ToolSpec spec() {
        return spec;
    }

    @Override
    public final JsonNode arguments(String target, Map<String, Object> params) {
        Target application = Target.parse(ArgoCdClient.SOURCE, target)
                .require(ArgoCdClient.SOURCE, spec.name(), "Application", false);
        return ActionArguments.of(ArgoCdClient.SOURCE, Map.of("name", application.name()), params);
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
        return parse(new Arguments(ArgoCdClient.SOURCE, arguments));
    }

    protected abstract P parse(Arguments arguments);

    protected abstract List<PolicyRequest> requests(P params, String environment, String principal);

    protected abstract ToolResult act(ToolContext context, P params);

    static SourceFailure refused(String why) {
        return new SourceFailure(ArgoCdClient.SOURCE, SourceFailure.Kind.BAD_REQUEST, why, null);
    }

    /** An application name as Argo CD allows it (a Kubernetes object name). */
    static String name(Arguments arguments) {
        String name = arguments.text("name");
        if (name.length() > 253 || !name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
            throw refused("'" + name + "' is not an Argo CD application name");
        }
        return name;
    }

    static String operationPhase(Application application) {
        return application.operation().map(OperationState::phase).orElse("");
    }
}
