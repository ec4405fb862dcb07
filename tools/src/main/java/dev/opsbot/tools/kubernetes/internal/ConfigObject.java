package dev.opsbot.tools.kubernetes.internal;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A ConfigMap or Secret reduced to what evidence may carry: its keys and change times. Secret values are dropped here,
 * right after the read, so nothing downstream can leak them.
 */
public record ConfigObject(
        String kind, String name, Set<String> keys, Instant created, Instant changed, String manager) {
    public ConfigObject {
        keys = Collections.unmodifiableSortedSet(new TreeSet<>(keys));
    }

    public static ConfigObject of(ConfigMap configMap) {
        Set<String> keys = new TreeSet<>(keys(configMap.getData()));
        keys.addAll(keys(configMap.getBinaryData()));
        return new ConfigObject(
                "ConfigMap",
                configMap.getMetadata().getName(),
                keys,
                Times.created(configMap.getMetadata()),
                Times.changed(configMap.getMetadata()),
                Times.lastManager(configMap.getMetadata()));
    }

    public static ConfigObject of(Secret secret) {
        Set<String> keys = new TreeSet<>(keys(secret.getData()));
        keys.addAll(keys(secret.getStringData()));
        return new ConfigObject(
                "Secret",
                secret.getMetadata().getName(),
                keys,
                Times.created(secret.getMetadata()),
                Times.changed(secret.getMetadata()),
                Times.lastManager(secret.getMetadata()));
    }

    private static Set<String> keys(Map<String, String> data) {
        return data == null ? Set.of() : data.keySet();
    }
}
