package dev.opsbot.tools.actions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.triage.FieldChange;
import dev.opsbot.tools.http.Arguments;
import dev.opsbot.tools.http.Json;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import dev.opsbot.tools.kubernetes.internal.RolloutHistory;
import dev.opsbot.tools.kubernetes.internal.TemplateFields;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;

/**
 * {@code kubernetes.rollback}: what {@code kubectl rollout undo --to-revision=N} does, as one JSON Patch of the
 * Deployment — its pod template replaced by revision N's (the ReplicaSet's template without
 * {@code pod-template-hash}) and its annotations set as kubectl sets them. The controller then rolls out that template
 * as a new revision. A patch, not fabric8's {@code rolling().undo()}: that is what kubectl does, and it works against
 * the mock API server too. The patch first tests the Deployment's resourceVersion, so a Deployment changed since it
 * was read is refused, not overwritten.
 */
public final class RollbackTool extends KubernetesAction<RollbackTool.Params> {
    /** @param toRevision the revision whose template to restore */
    record Params(DeploymentRef deployment, int toRevision) {}

    private final DeploymentCalls calls;

    public RollbackTool(KubernetesAccess access) {
        super(
                access,
                "rollback",
                "Rolls a Deployment back to an earlier revision, as `kubectl rollout undo --to-revision` does: the"
                        + " pod template of that revision's ReplicaSet becomes the Deployment's template and is rolled"
                        + " out again. Refused when the revision does not exist or is already what runs.",
                "Roll a Deployment back to a revision",
                deploymentSchema()
                        .integer(
                                "toRevision",
                                "the revision to roll back to (kubectl rollout history)",
                                1,
                                Integer.MAX_VALUE)
                        .require("toRevision"));
        this.calls = new DeploymentCalls(access);
    }

    @Override
    protected Params parse(Arguments arguments) {
        DeploymentRef deployment = DeploymentRef.from(arguments);
        int revision = arguments.integer("toRevision", 0, 1, Integer.MAX_VALUE);
        if (revision == 0) {
            throw refused("argument 'toRevision' is required");
        }
        return new Params(deployment, revision);
    }

    @Override
    protected List<PolicyRequest> requests(Params params, String environment, String principal) {
        DeploymentRef d = params.deployment();
        return List.of(
                Requests.kubernetes("get", "deployments", d.namespace(), d.name(), environment, principal),
                Requests.kubernetes("list", "replicasets", d.namespace(), null, environment, principal),
                Requests.kubernetes("patch", "deployments", d.namespace(), d.name(), environment, principal));
    }

    @Override
    protected ToolResult act(ToolContext context, Params params) {
        DeploymentRef ref = params.deployment();
        Deployment deployment = calls.get(context, ref);
        DeploymentCalls.refuseWhenPaused(deployment, ref, "rolling it back");
        List<ReplicaSet> owned = RolloutHistory.owned(deployment, calls.replicaSets(context, deployment));
        ReplicaSet target = Revisions.at(owned, params.toRevision())
                .orElseThrow(() -> refused(ref.display() + " has no revision " + params.toRevision()
                        + " (revisions kept: " + Revisions.kept(owned) + ")"));
        Integer current = RolloutHistory.revision(deployment);
        if (Integer.valueOf(params.toRevision()).equals(current)) {
            throw refused(ref.display() + " already runs revision " + current + ": nothing to roll back");
        }
        if (Revisions.sameIgnoringHash(
                deployment.getSpec().getTemplate(), target.getSpec().getTemplate())) {
            throw refused(ref.display() + " already runs the template of revision " + params.toRevision()
                    + (current == null ? "" : " (current revision " + current + ")") + ": nothing to roll back");
        }
        List<FieldChange> changes = TemplateFields.diff(
                deployment.getSpec().getTemplate(), target.getSpec().getTemplate());
        calls.jsonPatch(context, ref, patch(deployment, target).toString());
        return new ToolResult.Success(summary(ref, params.toRevision(), changes), data(ref, current, params, changes));
    }

    /** The JSON Patch kubectl sends, preceded by a test of the resourceVersion that was read. */
    static ArrayNode patch(Deployment deployment, ReplicaSet target) {
        ArrayNode patch = Json.array();
        String resourceVersion = deployment.getMetadata().getResourceVersion();
        if (resourceVersion != null) {
            patch.addObject()
                    .put("op", "test")
                    .put("path", "/metadata/resourceVersion")
                    .put("value", resourceVersion);
        }
        patch.addObject()
                .put("op", "replace")
                .put("path", "/spec/template")
                .set("value", Revisions.templateWithoutHash(target.getSpec().getTemplate()));
        patch.addObject()
                .put("op", "add")
                .put("path", "/metadata/annotations")
                .set("value", Json.mapper().valueToTree(Revisions.annotationsAfterRollback(deployment, target)));
        return patch;
    }

    static String summary(DeploymentRef ref, int revision, List<FieldChange> changes) {
        String what = changes.isEmpty() ? "" : " (" + Changes.describe(changes) + ")";
        return ref.display() + " rolled back to revision " + revision + what;
    }

    private static ObjectNode data(DeploymentRef ref, Integer current, Params params, List<FieldChange> changes) {
        ObjectNode data = Json.object().put("deployment", ref.namespace() + "/" + ref.name());
        if (current != null) {
            data.put("fromRevision", current);
        }
        data.put("toRevision", params.toRevision());
        ArrayNode changed = data.putArray("changes");
        for (FieldChange change : changes) {
            changed.addObject()
                    .put("container", change.container())
                    .put("field", change.field())
                    .put("from", change.before())
                    .put("to", change.after());
        }
        return data;
    }
}
