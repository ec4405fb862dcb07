package dev.opsbot.tools.kubernetes.internal;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.Set;
import java.util.TreeSet;

/** The ConfigMaps and Secrets a pod template reads: env valueFrom, envFrom and volumes (projected included). */
public record References(Set<String> configMaps, Set<String> secrets) {
    public References {
        configMaps = Set.copyOf(configMaps);
        secrets = Set.copyOf(secrets);
    }

    public static References of(PodSpec spec) {
        Set<String> configMaps = new TreeSet<>();
        Set<String> secrets = new TreeSet<>();
        if (spec == null) {
            return new References(configMaps, secrets);
        }
        for (Container container : TemplateFields.containers(spec)) {
            if (container.getEnv() != null) {
                for (EnvVar env : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                        add(configMaps, env.getValueFrom().getConfigMapKeyRef().getName());
                    }
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        add(secrets, env.getValueFrom().getSecretKeyRef().getName());
                    }
                }
            }
            if (container.getEnvFrom() != null) {
                for (EnvFromSource from : container.getEnvFrom()) {
                    if (from.getConfigMapRef() != null) {
                        add(configMaps, from.getConfigMapRef().getName());
                    }
                    if (from.getSecretRef() != null) {
                        add(secrets, from.getSecretRef().getName());
                    }
                }
            }
        }
        if (spec.getVolumes() != null) {
            for (var volume : spec.getVolumes()) {
                if (volume.getConfigMap() != null) {
                    add(configMaps, volume.getConfigMap().getName());
                }
                if (volume.getSecret() != null) {
                    add(secrets, volume.getSecret().getSecretName());
                }
                if (volume.getProjected() != null && volume.getProjected().getSources() != null) {
                    for (VolumeProjection source : volume.getProjected().getSources()) {
                        if (source.getConfigMap() != null) {
                            add(configMaps, source.getConfigMap().getName());
                        }
                        if (source.getSecret() != null) {
                            add(secrets, source.getSecret().getName());
                        }
                    }
                }
            }
        }
        return new References(configMaps, secrets);
    }

    private static void add(Set<String> names, String name) {
        if (name != null && !name.isEmpty()) {
            names.add(name);
        }
    }
}
