package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/** Comparing pod templates as the Deployment controller does: without the hash label it adds itself. */
final class Templates {
    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    private Templates() {}

    /** The same template, as the controller sees it: one ReplicaSet per template. */
    static boolean same(PodTemplateSpec a, PodTemplateSpec b) {
        return comparable(a, false).equals(comparable(b, false));
    }

    /**
     * The same pods, but for a restart: what decides whether new pods behave like the old ones. A restart changes the
     * template (so the pods are replaced) but not what runs in them.
     */
    static boolean samePods(PodTemplateSpec a, PodTemplateSpec b) {
        return comparable(a, true).equals(comparable(b, true));
    }

    static ObjectNode comparable(PodTemplateSpec template, boolean ignoreRestart) {
        ObjectNode json = FabricJson.mapper().valueToTree(template);
        JsonNode metadata = json.path("metadata");
        if (metadata instanceof ObjectNode meta) {
            meta.remove("creationTimestamp");
            removeKey(meta, "labels", TemplateHash.LABEL);
            if (ignoreRestart) {
                removeKey(meta, "annotations", RESTARTED_AT);
            }
        }
        return json;
    }

    private static void removeKey(ObjectNode metadata, String map, String key) {
        if (metadata.get(map) instanceof ObjectNode values) {
            values.remove(key);
            if (values.isEmpty()) {
                metadata.remove(map);
            }
        }
    }
}
