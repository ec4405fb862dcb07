package dev.opsbot.tools.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.tool.Tool;
import java.util.List;
import java.util.Map;

/**
 * A tool that changes something. It runs only through an approved proposal: the runner builds its arguments from
 * the proposal ({@link #arguments}), asks which requests they lead to ({@link #requests}), binds an approval covering
 * exactly those, and calls the tool as the write principal.
 */
public interface ActionTool extends Tool {

    /**
     * The tool's arguments for a proposal's target and parameters.
     *
     * @param target what the proposal acts on, {@code Kind/namespace/name} ({@code Deployment/shop/checkout})
     * @param params the proposal's parameters ({@code toRevision: 41})
     * @throws dev.opsbot.core.tool.SourceFailure BAD_REQUEST when the target is not of the kind this tool acts on
     */
    JsonNode arguments(String target, Map<String, Object> params);

    /**
     * Every request a call with these arguments makes, reads included, in the order it makes them: what the
     * approval bound around the call covers.
     *
     * @param environment the environment the action runs in
     * @param principal who it runs as (the requester's e-mail)
     * @throws dev.opsbot.core.tool.SourceFailure BAD_REQUEST when the arguments are not valid for this tool
     */
    List<PolicyRequest> requests(JsonNode arguments, String environment, String principal);
}
