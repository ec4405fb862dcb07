package dev.opsbot.tools.kubernetes.internal;

import dev.opsbot.core.triage.FieldChange;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A pod template flattened into the fixed {@link FieldChange} field names ({@code image},
 * {@code resources.limits.memory}, {@code env.NAME}, {@code readinessProbe}, {@code annotations.KEY},
 * {@code volumes}, ...), so that two revisions can be diffed field by field. Values referenced from Secrets and
 * ConfigMaps are shown as the reference, never resolved.
 */
public final class TemplateFields {
    private static final int MAX_VALUE = 200;
    private static final List<String> RESOURCES = List.of(
            "resources.requests.cpu", "resources.requests.memory", "resources.limits.cpu", "resources.limits.memory");

    /** One field of one container ({@code container} empty for pod-level fields). */
    public record Key(String container, String field) {}

    private TemplateFields() {}

    public static Map<Key, String> flatten(PodTemplateSpec template) {
        Map<Key, String> fields = new LinkedHashMap<>();
        PodSpec spec = template == null ? null : template.getSpec();
        if (spec != null) {
            for (Container container : containers(spec)) {
                container(container, fields);
            }
            put(fields, "", "volumes", volumes(spec.getVolumes()));
        }
        if (template != null
                && template.getMetadata() != null
                && template.getMetadata().getAnnotations() != null) {
            new TreeMap<>(template.getMetadata().getAnnotations())
                    .forEach((key, value) -> put(fields, "", "annotations." + key, value));
        }
        return fields;
    }

    /** The fields that differ from {@code before} to {@code after}, in template order. */
    public static List<FieldChange> diff(PodTemplateSpec before, PodTemplateSpec after) {
        Map<Key, String> old = flatten(before);
        Map<Key, String> now = flatten(after);
        Set<Key> keys = new LinkedHashSet<>(now.keySet());
        keys.addAll(old.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (Key key : keys) {
            String was = old.getOrDefault(key, "");
            String is = now.getOrDefault(key, "");
            boolean same = key.field().startsWith("resources.") ? Quantities.same(was, is) : Objects.equals(was, is);
            if (!same) {
                changes.add(new FieldChange(key.container(), key.field(), was, is));
            }
        }
        return changes;
    }

    public static List<Container> containers(PodSpec spec) {
        List<Container> all = new ArrayList<>();
        if (spec.getInitContainers() != null) {
            all.addAll(spec.getInitContainers());
        }
        if (spec.getContainers() != null) {
            all.addAll(spec.getContainers());
        }
        return all;
    }

    private static void container(Container container, Map<Key, String> fields) {
        String name = container.getName();
        put(fields, name, "image", container.getImage());
        for (String resource : RESOURCES) {
            String[] parts = resource.split("\\.");
            put(fields, name, resource, Quantities.of(container, parts[1], parts[2]));
        }
        if (container.getEnv() != null) {
            for (EnvVar env : container.getEnv()) {
                put(fields, name, "env." + env.getName(), env(env));
            }
        }
        put(fields, name, "envFrom", envFrom(container.getEnvFrom()));
        put(fields, name, "readinessProbe", Probes.render(container.getReadinessProbe()));
        put(fields, name, "livenessProbe", Probes.render(container.getLivenessProbe()));
        put(fields, name, "startupProbe", Probes.render(container.getStartupProbe()));
    }

    /** A literal value as written, or the reference ({@code secretKeyRef db-creds/password}) without resolving it. */
    public static String env(EnvVar env) {
        EnvVarSource from = env.getValueFrom();
        if (from == null) {
            String value = env.getValue() == null ? "" : env.getValue();
            return value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) + "…" : value;
        }
        if (from.getSecretKeyRef() != null) {
            return "secretKeyRef " + from.getSecretKeyRef().getName() + "/"
                    + from.getSecretKeyRef().getKey();
        }
        if (from.getConfigMapKeyRef() != null) {
            return "configMapKeyRef " + from.getConfigMapKeyRef().getName() + "/"
                    + from.getConfigMapKeyRef().getKey();
        }
        if (from.getFieldRef() != null) {
            return "fieldRef " + from.getFieldRef().getFieldPath();
        }
        if (from.getResourceFieldRef() != null) {
            return "resourceFieldRef " + from.getResourceFieldRef().getResource();
        }
        return "valueFrom";
    }

    public static String envFrom(List<EnvFromSource> sources) {
        if (sources == null || sources.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (EnvFromSource source : sources) {
            String prefix = source.getPrefix() == null ? "" : " prefix=" + source.getPrefix();
            if (source.getConfigMapRef() != null) {
                parts.add("configMapRef " + source.getConfigMapRef().getName() + prefix);
            } else if (source.getSecretRef() != null) {
                parts.add("secretRef " + source.getSecretRef().getName() + prefix);
            }
        }
        return String.join(", ", parts);
    }

    public static String volumes(List<Volume> volumes) {
        if (volumes == null || volumes.isEmpty()) {
            return "";
        }
        Map<String, String> byName = new TreeMap<>();
        for (Volume volume : volumes) {
            byName.put(volume.getName(), volumeSource(volume));
        }
        List<String> parts = new ArrayList<>();
        byName.forEach((name, source) -> parts.add(name + "=" + source));
        return String.join("; ", parts);
    }

    private static String volumeSource(Volume volume) {
        if (volume.getConfigMap() != null) {
            return "configMap " + volume.getConfigMap().getName();
        }
        if (volume.getSecret() != null) {
            return "secret " + volume.getSecret().getSecretName();
        }
        if (volume.getPersistentVolumeClaim() != null) {
            return "pvc " + volume.getPersistentVolumeClaim().getClaimName();
        }
        if (volume.getEmptyDir() != null) {
            return "emptyDir";
        }
        if (volume.getHostPath() != null) {
            return "hostPath " + volume.getHostPath().getPath();
        }
        if (volume.getProjected() != null) {
            return "projected";
        }
        if (volume.getDownwardAPI() != null) {
            return "downwardAPI";
        }
        return "other";
    }

    private static void put(Map<Key, String> fields, String container, String field, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(new Key(container, field), value);
        }
    }
}
