package dev.opsbot.tools.kubernetes.internal;

import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.ChangeKind;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.ObjectRef;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes to objects the workload depends on, dated by their creation and managedFields times (Kubernetes keeps no
 * history of them): the ConfigMaps and Secrets its template references, and the NetworkPolicies that select its pods.
 * Only keys are reported, never values, and for Secrets never anything but keys.
 */
public final class ObjectChanges {
    private static final int SHOWN_KEYS = 8;

    private ObjectChanges() {}

    public static List<ChangeEvent> config(Snapshot snapshot, Investigation inv) {
        List<ChangeEvent> changes = new ArrayList<>();
        for (ConfigObject object : snapshot.configObjects()) {
            if (!Times.within(object.changed(), inv.from(), inv.now())) {
                continue;
            }
            boolean created = Times.within(object.created(), inv.from(), inv.now());
            List<String> keys = List.copyOf(object.keys());
            String shown = String.join(", ", keys.subList(0, Math.min(SHOWN_KEYS, keys.size())))
                    + (keys.size() > SHOWN_KEYS ? ", …" : "");
            String by = object.manager().isEmpty() ? "" : " by " + object.manager();
            boolean secret = object.kind().equals("Secret");
            changes.add(new ChangeEvent(
                    object.changed(),
                    "kubernetes",
                    secret ? ChangeKind.SECRET_CHANGE : ChangeKind.CONFIG_CHANGE,
                    ObjectRef.of(object.kind(), snapshot.namespace(), object.name()),
                    null,
                    null,
                    "",
                    (secret ? "secret " : "configmap ") + object.name() + (created ? " created" : " changed") + by
                            + " (keys: " + (shown.isEmpty() ? "none" : shown) + ")",
                    List.of()));
        }
        return changes;
    }

    public static List<ChangeEvent> networkPolicies(Snapshot snapshot, Investigation inv) {
        List<ChangeEvent> changes = new ArrayList<>();
        for (NetworkPolicy policy : selecting(snapshot)) {
            Instant changed = Times.changed(policy.getMetadata());
            if (!Times.within(changed, inv.from(), inv.now())) {
                continue;
            }
            boolean created = Times.within(Times.created(policy.getMetadata()), inv.from(), inv.now());
            String name = policy.getMetadata().getName();
            changes.add(new ChangeEvent(
                    changed,
                    "kubernetes",
                    ChangeKind.NETWORK_POLICY,
                    ObjectRef.of("NetworkPolicy", snapshot.namespace(), name),
                    null,
                    null,
                    "",
                    "network policy " + name + (created ? " created" : " changed") + " (selects "
                            + Selectors.render(policy.getSpec().getPodSelector()) + "): "
                            + NetworkPolicySummary.summary(policy),
                    List.of()));
        }
        return changes;
    }

    /** The policies whose pod selector picks the workload's pods (an empty selector picks every pod). */
    public static List<NetworkPolicy> selecting(Snapshot snapshot) {
        var labels = snapshot.workload().podLabels();
        return snapshot.policies().stream()
                .filter(p ->
                        p.getSpec() != null && Selectors.matches(p.getSpec().getPodSelector(), labels))
                .toList();
    }
}
