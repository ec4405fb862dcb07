package dev.opsbot.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The objects one overlay renders to, with the lookups the manifest tests need. */
record RenderedOverlay(String name, List<JsonNode> objects) {
    /** Kinds that live outside any namespace; every other object must be in the overlay's. */
    static final List<String> CLUSTER_SCOPED = List.of("Namespace", "ClusterRole", "ClusterRoleBinding");

    static final String CONFIG_DIR = "/etc/opsbot";

    RenderedOverlay {
        objects = List.copyOf(objects);
    }

    List<JsonNode> all(String kind) {
        return objects.stream()
                .filter(object -> object.path("kind").asText().equals(kind))
                .toList();
    }

    JsonNode one(String kind) {
        List<JsonNode> found = all(kind);
        assertThat(found).as("%s in overlay %s", kind, name).hasSize(1);
        return found.getFirst();
    }

    Optional<JsonNode> named(String kind, String objectName) {
        return all(kind).stream()
                .filter(object -> object.path("metadata").path("name").asText().equals(objectName))
                .findFirst();
    }

    /** The overlay's Namespace object's name: where all its namespaced objects must be. */
    String namespace() {
        return one("Namespace").path("metadata").path("name").asText();
    }

    JsonNode deployment() {
        return named("Deployment", "opsbot")
                .orElseThrow(() -> new AssertionError("overlay " + name + " renders no Deployment named opsbot"));
    }

    JsonNode podSpec() {
        return deployment().path("spec").path("template").path("spec");
    }

    Map<String, String> podLabels() {
        return strings(
                deployment().path("spec").path("template").path("metadata").path("labels"));
    }

    JsonNode container() {
        for (JsonNode container : podSpec().path("containers")) {
            if (container.path("name").asText().equals("opsbot")) {
                return container;
            }
        }
        throw new AssertionError("the Deployment of overlay " + name + " has no container named opsbot");
    }

    /** The container's environment variables written as values. */
    Map<String, String> literalEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode variable : container().path("env")) {
            if (variable.has("value")) {
                env.put(variable.path("name").asText(), variable.path("value").asText());
            }
        }
        return env;
    }

    /** The container's environment variables taken from a Secret, with their {@code secretKeyRef}. */
    Map<String, JsonNode> secretRefs() {
        Map<String, JsonNode> refs = new LinkedHashMap<>();
        for (JsonNode variable : container().path("env")) {
            JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                refs.put(variable.path("name").asText(), ref);
            }
        }
        return refs;
    }

    /** The Secret of this name, decoded; empty where the overlay leaves the Secret to be created outside it. */
    Optional<Map<String, String>> secret(String secretName) {
        return named("Secret", secretName).map(secret -> {
            Map<String, String> values = new LinkedHashMap<>(strings(secret.path("stringData")));
            secret.path("data")
                    .properties()
                    .forEach(entry -> values.put(
                            entry.getKey(),
                            new String(
                                    Base64.getDecoder().decode(entry.getValue().asText()), StandardCharsets.UTF_8)));
            return values;
        });
    }

    /** opsbot.yaml, from the ConfigMap mounted at {@value #CONFIG_DIR}. */
    String configFile() {
        String volume = mounts().get(CONFIG_DIR);
        assertThat(volume).as("a volume mounted at " + CONFIG_DIR).isNotNull();
        String configMap = volume(volume).path("configMap").path("name").asText();
        return named("ConfigMap", configMap)
                .map(found -> found.path("data").path("opsbot.yaml").asText())
                .filter(text -> !text.isEmpty())
                .orElseThrow(() -> new AssertionError("no ConfigMap " + configMap + " with opsbot.yaml"));
    }

    /** Where the container mounts an emptyDir. */
    List<String> emptyDirMounts() {
        List<String> paths = new ArrayList<>();
        mounts().forEach((path, volume) -> {
            if (volume(volume).has("emptyDir")) {
                paths.add(path);
            }
        });
        return paths;
    }

    JsonNode spreadBy(String topologyKey) {
        for (JsonNode constraint : podSpec().path("topologySpreadConstraints")) {
            if (constraint.path("topologyKey").asText().equals(topologyKey)) {
                return constraint;
            }
        }
        throw new AssertionError("overlay " + name + " does not spread replicas by " + topologyKey);
    }

    private Map<String, String> mounts() {
        Map<String, String> volumeByPath = new LinkedHashMap<>();
        for (JsonNode mount : container().path("volumeMounts")) {
            volumeByPath.put(
                    mount.path("mountPath").asText(), mount.path("name").asText());
        }
        return volumeByPath;
    }

    private JsonNode volume(String volumeName) {
        for (JsonNode volume : podSpec().path("volumes")) {
            if (volume.path("name").asText().equals(volumeName)) {
                return volume;
            }
        }
        throw new AssertionError("overlay " + name + " mounts volume " + volumeName + " that the pod lacks");
    }

    static Map<String, String> strings(JsonNode mapping) {
        Map<String, String> values = new LinkedHashMap<>();
        mapping.properties()
                .forEach(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }

    @Override
    public String toString() {
        return name;
    }
}
