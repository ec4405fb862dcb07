package dev.opsbot.tools.kubernetes.internal;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a NetworkPolicy allows, in one sentence per direction: {@code egress allowed only to app=db on 5432; DNS (53)
 * not allowed}. DNS gets its own clause because a policy that forgets it breaks every outgoing call by name, which
 * shows up in logs as "unknown host" rather than as a network problem.
 */
public final class NetworkPolicySummary {
    private static final int DNS_PORT = 53;

    private NetworkPolicySummary() {}

    public static boolean restrictsIngress(NetworkPolicy policy) {
        List<String> types = types(policy);
        return types.isEmpty() || types.contains("Ingress");
    }

    public static boolean restrictsEgress(NetworkPolicy policy) {
        List<String> types = types(policy);
        return types.isEmpty() ? !egressRules(policy).isEmpty() : types.contains("Egress");
    }

    /** Both directions it restricts, joined with "; ". */
    public static String summary(NetworkPolicy policy) {
        List<String> parts = new ArrayList<>();
        if (restrictsEgress(policy)) {
            parts.add(egress(policy));
        }
        if (restrictsIngress(policy)) {
            parts.add(ingress(policy));
        }
        return parts.isEmpty() ? "restricts nothing" : String.join("; ", parts);
    }

    public static String egress(NetworkPolicy policy) {
        if (!restrictsEgress(policy)) {
            return "egress not restricted";
        }
        var rules = egressRules(policy);
        if (rules.isEmpty()) {
            return "all egress denied; DNS (53) not allowed";
        }
        List<String> allowed = new ArrayList<>();
        boolean dns = false;
        for (var rule : rules) {
            if (isEmpty(rule.getTo()) && isEmpty(rule.getPorts())) {
                return "egress allowed to anywhere";
            }
            allowed.add(rule(rule.getTo(), rule.getPorts(), "anywhere"));
            dns |= allowsDns(rule.getTo(), rule.getPorts());
        }
        return "egress allowed only to " + String.join(" or ", allowed) + (dns ? "" : "; DNS (53) not allowed");
    }

    public static String ingress(NetworkPolicy policy) {
        if (!restrictsIngress(policy)) {
            return "ingress not restricted";
        }
        var rules = policy.getSpec().getIngress() == null
                ? List.<NetworkPolicyIngressRule>of()
                : policy.getSpec().getIngress();
        if (rules.isEmpty()) {
            return "all ingress denied";
        }
        List<String> allowed = new ArrayList<>();
        for (var rule : rules) {
            if (isEmpty(rule.getFrom()) && isEmpty(rule.getPorts())) {
                return "ingress allowed from anywhere";
            }
            allowed.add(rule(rule.getFrom(), rule.getPorts(), "anywhere"));
        }
        return "ingress allowed only from " + String.join(" or ", allowed);
    }

    private static String rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports, String anywhere) {
        String who = isEmpty(peers)
                ? anywhere
                : String.join(
                        " or ", peers.stream().map(NetworkPolicySummary::peer).toList());
        return isEmpty(ports)
                ? who
                : who + " on "
                        + String.join(
                                ",",
                                ports.stream().map(NetworkPolicySummary::port).toList());
    }

    static String peer(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            var block = peer.getIpBlock();
            return isEmpty(block.getExcept())
                    ? block.getCidr()
                    : block.getCidr() + " except " + String.join(",", block.getExcept());
        }
        String pods = peer.getPodSelector() == null ? null : Selectors.render(peer.getPodSelector());
        if (peer.getNamespaceSelector() == null) {
            return pods == null ? "anywhere" : pods;
        }
        String namespaces = Selectors.render(peer.getNamespaceSelector());
        String where = namespaces.equals("(all pods)") ? "all namespaces" : "namespaces " + namespaces;
        return pods == null || pods.equals("(all pods)") ? where : pods + " in " + where;
    }

    static String port(NetworkPolicyPort port) {
        String number = port.getPort() == null ? "all" : Probes.port(port.getPort());
        if (port.getEndPort() != null) {
            number += "-" + port.getEndPort();
        }
        String protocol =
                port.getProtocol() == null || port.getProtocol().equals("TCP") ? "" : "/" + port.getProtocol();
        return number + protocol;
    }

    private static boolean allowsDns(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
        boolean port = isEmpty(ports) || ports.stream().anyMatch(NetworkPolicySummary::coversDns);
        boolean peer = isEmpty(peers) || peers.stream().anyMatch(NetworkPolicySummary::mayBeDns);
        return port && peer;
    }

    private static boolean coversDns(NetworkPolicyPort port) {
        IntOrString value = port.getPort();
        if (value == null) {
            return true;
        }
        if (value.getIntVal() != null) {
            int from = value.getIntVal();
            int to = port.getEndPort() == null ? from : port.getEndPort();
            return from <= DNS_PORT && DNS_PORT <= to;
        }
        return String.valueOf(value.getStrVal()).toLowerCase(Locale.ROOT).contains("dns");
    }

    /** kube-dns runs in another namespace: only a namespace selector, an IP block or a DNS-labelled peer reaches it. */
    private static boolean mayBeDns(NetworkPolicyPeer peer) {
        return peer.getNamespaceSelector() != null
                || peer.getIpBlock() != null
                || Selectors.render(peer.getPodSelector())
                        .toLowerCase(Locale.ROOT)
                        .contains("dns");
    }

    private static List<String> types(NetworkPolicy policy) {
        var types = policy.getSpec() == null ? null : policy.getSpec().getPolicyTypes();
        return types == null ? List.of() : types;
    }

    private static List<NetworkPolicyEgressRule> egressRules(NetworkPolicy policy) {
        var rules = policy.getSpec() == null ? null : policy.getSpec().getEgress();
        return rules == null ? List.of() : rules;
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
