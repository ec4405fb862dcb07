package dev.opsbot.tools.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.kubernetes.internal.Args;
import dev.opsbot.tools.kubernetes.internal.JsonOut;
import dev.opsbot.tools.kubernetes.internal.Quantities;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import java.util.Comparator;
import java.util.List;

/** {@code kubernetes.list_pvcs}: phase, requested and actual capacity, storage class of each claim. */
final class ListPvcsTool extends KubernetesReadTool {
    static final int MAX_PVCS = 50;

    ListPvcsTool(KubernetesAccess access) {
        super(
                access,
                "list_pvcs",
                "List PersistentVolumeClaims in a namespace: phase (Bound, Pending, Lost), requested and actual"
                        + " capacity, storage class, volume. How full a volume is comes from metrics, not from here.",
                "List persistent volume claims",
                KubernetesReadTool.namespacedSchema().build());
    }

    @Override
    protected ToolResult read(ToolContext context, Args args) {
        String namespace = args.namespace();
        List<PersistentVolumeClaim> claims = access
                .read(
                        context,
                        ApiCall.list("persistentvolumeclaims", namespace),
                        client -> client.persistentVolumeClaims()
                                .inNamespace(namespace)
                                .list()
                                .getItems())
                .stream()
                .sorted(Comparator.comparing(c -> c.getMetadata().getName()))
                .toList();
        if (claims.isEmpty()) {
            return new ToolResult.NoData("no PersistentVolumeClaims in namespace " + namespace);
        }
        ObjectNode data = JsonOut.capped(JsonOut.object(), "pvcs", claims, MAX_PVCS, ListPvcsTool::claim);
        long notBound = claims.stream()
                .filter(c ->
                        c.getStatus() == null || !"Bound".equals(c.getStatus().getPhase()))
                .count();
        return new ToolResult.Success(claims.size() + " PVCs in " + namespace + ", " + notBound + " not bound", data);
    }

    private static ObjectNode claim(PersistentVolumeClaim claim) {
        ObjectNode node = JsonOut.object().put("name", claim.getMetadata().getName());
        var status = claim.getStatus();
        JsonOut.put(node, "phase", status == null ? null : status.getPhase());
        var requests = claim.getSpec().getResources() == null
                ? null
                : claim.getSpec().getResources().getRequests();
        JsonOut.put(node, "requested", requests == null ? null : Quantities.render(requests.get("storage")));
        JsonOut.put(
                node,
                "capacity",
                status == null || status.getCapacity() == null
                        ? null
                        : Quantities.render(status.getCapacity().get("storage")));
        JsonOut.put(node, "storageClass", claim.getSpec().getStorageClassName());
        JsonOut.put(node, "volume", claim.getSpec().getVolumeName());
        JsonOut.put(node, "accessModes", claim.getSpec().getAccessModes());
        return node;
    }
}
