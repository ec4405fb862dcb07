package dev.opsbot.tools.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.kubernetes.internal.Args;
import dev.opsbot.tools.kubernetes.internal.JsonOut;
import dev.opsbot.tools.kubernetes.internal.NetworkPolicySummary;
import dev.opsbot.tools.kubernetes.internal.Selectors;
import dev.opsbot.tools.kubernetes.internal.Times;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.Comparator;
import java.util.List;

/** {@code kubernetes.list_network_policies}: which pods each policy selects and what it lets in and out. */
final class ListNetworkPoliciesTool extends KubernetesReadTool {
    static final int MAX_POLICIES = 50;

    ListNetworkPoliciesTool(KubernetesAccess access) {
        super(
                access,
                "list_network_policies",
                "List NetworkPolicies in a namespace, most recently changed first: pod selector, policy types, and"
                        + " a summary of allowed egress and ingress (e.g. 'egress allowed only to app=db on 5432;"
                        + " DNS (53) not allowed'), with creation and change times.",
                "List network policies and what they allow",
                KubernetesReadTool.namespacedSchema().build());
    }

    @Override
    protected ToolResult read(ToolContext context, Args args) {
        String namespace = args.namespace();
        List<NetworkPolicy> policies = access
                .read(context, ApiCall.list("networkpolicies.networking.k8s.io", namespace), client -> client.network()
                        .v1()
                        .networkPolicies()
                        .inNamespace(namespace)
                        .list()
                        .getItems())
                .stream()
                .sorted(Comparator.comparing(
                                (NetworkPolicy p) -> Times.changed(p.getMetadata()),
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .toList();
        if (policies.isEmpty()) {
            return new ToolResult.NoData("no NetworkPolicies in namespace " + namespace + ": all traffic is allowed");
        }
        ObjectNode data = JsonOut.capped(
                JsonOut.object(), "networkPolicies", policies, MAX_POLICIES, ListNetworkPoliciesTool::policy);
        return new ToolResult.Success(policies.size() + " NetworkPolicies in " + namespace, data);
    }

    private static ObjectNode policy(NetworkPolicy policy) {
        ObjectNode node = JsonOut.object().put("name", policy.getMetadata().getName());
        node.put("podSelector", Selectors.render(policy.getSpec().getPodSelector()));
        JsonOut.put(node, "policyTypes", policy.getSpec().getPolicyTypes());
        node.put("summary", NetworkPolicySummary.summary(policy));
        JsonOut.put(node, "createdAt", Times.created(policy.getMetadata()));
        JsonOut.put(node, "changedAt", Times.changed(policy.getMetadata()));
        return node;
    }
}
