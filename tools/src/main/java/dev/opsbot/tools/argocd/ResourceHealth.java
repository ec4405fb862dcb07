package dev.opsbot.tools.argocd;

/** One managed resource's health as Argo CD sees it ({@code status.resources[]}). */
public record ResourceHealth(String kind, String namespace, String name, String health, String message) {

    /** {@code Deployment shop/checkout Degraded (progress deadline exceeded)}. */
    public String describe() {
        String where = namespace.isEmpty() ? name : namespace + "/" + name;
        return kind + " " + where + " " + health + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
