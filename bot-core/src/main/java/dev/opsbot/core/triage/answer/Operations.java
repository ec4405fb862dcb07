package dev.opsbot.core.triage.answer;

import dev.opsbot.core.triage.result.Remediation;

/**
 * A remediation as the exact operation people approve, rendered the same way everywhere:
 * {@code rollback Deployment shop/checkout to revision 41}.
 */
public final class Operations {
    private Operations() {}

    public static String describe(Remediation remediation) {
        String target = target(remediation.target());
        return switch (remediation.action()) {
            case "kubernetes.rollback" ->
                "rollback " + target + " to revision " + remediation.params().get("toRevision");
            case "kubernetes.scale" ->
                "scale " + target + " to " + remediation.params().get("replicas") + " replicas";
            case "kubernetes.patch_hpa" ->
                "raise maxReplicas of " + target + " to " + remediation.params().get("maxReplicas");
            case "kubernetes.expand_pvc" ->
                "expand " + target + " x" + remediation.params().get("factor");
            case "kubernetes.cordon" -> "cordon " + target;
            case "kubernetes.delete_network_policy" -> "delete " + target;
            default -> remediation.describe();
        };
    }

    /** {@code Deployment/shop/checkout} -> {@code Deployment shop/checkout}. */
    static String target(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash) + " " + path.substring(slash + 1);
    }
}
