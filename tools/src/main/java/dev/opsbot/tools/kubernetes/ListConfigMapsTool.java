package dev.opsbot.tools.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.kubernetes.internal.Args;
import dev.opsbot.tools.kubernetes.internal.JsonOut;
import dev.opsbot.tools.kubernetes.internal.Times;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code kubernetes.list_configmaps}: names, data keys (never values: they may hold what should have been a Secret),
 * and when each last changed, taken from managedFields because Kubernetes keeps no ConfigMap history.
 */
final class ListConfigMapsTool extends KubernetesReadTool {
    static final int MAX_CONFIG_MAPS = 50;

    ListConfigMapsTool(KubernetesAccess access) {
        super(
                access,
                "list_configmaps",
                "List ConfigMaps in a namespace (or one by name), most recently changed first: data keys (not"
                        + " values), creation time, last change time and the manager that made it (from"
                        + " managedFields). At most " + MAX_CONFIG_MAPS + ".",
                "List ConfigMaps and when they changed",
                KubernetesReadTool.namespacedSchema()
                        .string("name", "only this ConfigMap")
                        .build());
    }

    @Override
    protected ToolResult read(ToolContext context, Args args) {
        String namespace = args.namespace();
        String name = args.optionalName("name");
        List<ConfigMap> configMaps = access
                .read(context, ApiCall.list("configmaps", namespace), client -> client.configMaps()
                        .inNamespace(namespace)
                        .list()
                        .getItems())
                .stream()
                .filter(c -> name.isEmpty() || name.equals(c.getMetadata().getName()))
                .sorted(Comparator.comparing(
                                (ConfigMap c) -> Times.changed(c.getMetadata()),
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .toList();
        if (configMaps.isEmpty()) {
            return new ToolResult.NoData(
                    "no ConfigMaps in namespace " + namespace + (name.isEmpty() ? "" : " named " + name));
        }
        ObjectNode data = JsonOut.capped(
                JsonOut.object(), "configMaps", configMaps, MAX_CONFIG_MAPS, ListConfigMapsTool::configMap);
        ConfigMap newest = configMaps.getFirst();
        return new ToolResult.Success(
                configMaps.size() + " ConfigMaps in " + namespace + "; last changed: "
                        + newest.getMetadata().getName() + " at " + Times.changed(newest.getMetadata()),
                data);
    }

    private static ObjectNode configMap(ConfigMap configMap) {
        ObjectNode node = JsonOut.object().put("name", configMap.getMetadata().getName());
        JsonOut.put(
                node,
                "keys",
                configMap.getData() == null
                        ? null
                        : new TreeSet<>(configMap.getData().keySet()));
        JsonOut.put(
                node,
                "binaryKeys",
                configMap.getBinaryData() == null
                        ? null
                        : new TreeSet<>(configMap.getBinaryData().keySet()));
        JsonOut.put(node, "createdAt", Times.created(configMap.getMetadata()));
        JsonOut.put(node, "changedAt", Times.changed(configMap.getMetadata()));
        JsonOut.put(node, "changedBy", Times.lastManager(configMap.getMetadata()));
        return node;
    }
}
