package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.scenario.ScenarioException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads kubernetes/*.yaml: one object per document, {@code kind: List} (or {@code *List}) documents unpacked into
 * their items. Kinds fabric8 does not know become {@code GenericKubernetesResource}s. A namespaced object without a
 * namespace gets the scenario's.
 */
public final class KubernetesObjectsReader {
    private final String defaultNamespace;
    private final List<HasMetadata> objects = new ArrayList<>();
    private final Map<String, String> seen = new HashMap<>();

    public KubernetesObjectsReader(String defaultNamespace) {
        this.defaultNamespace = defaultNamespace;
    }

    public void read(Path file, String displayName) {
        for (Located document : TreeReader.yamlDocuments(file, displayName)) {
            if (isList(document.node())) {
                JsonNode items = document.node().get("items");
                for (int i = 0; i < items.size(); i++) {
                    add(document.at("/items/" + i));
                }
            } else {
                add(document);
            }
        }
    }

    public List<HasMetadata> objects() {
        return List.copyOf(objects);
    }

    private static boolean isList(JsonNode node) {
        return node.path("kind").asText().endsWith("List")
                && node.path("items").isArray()
                && !node.path("metadata").has("name");
    }

    private void add(Located document) {
        JsonNode node = document.node();
        if (!node.isObject()) {
            throw document.error("", "expected a Kubernetes object (a mapping with apiVersion, kind, metadata)");
        }
        require(document, "/apiVersion", "apiVersion");
        require(document, "/kind", "kind");
        require(document, "/metadata/name", "metadata.name");
        HasMetadata object = convert(document);
        if (object instanceof Namespaced && isBlank(object.getMetadata().getNamespace())) {
            object.getMetadata().setNamespace(defaultNamespace);
        }
        String identity = identity(object);
        String first = seen.putIfAbsent(identity, document.file() + ":" + document.startLine());
        if (first != null) {
            throw document.error("", "duplicate " + identity + " (first at " + first + ")");
        }
        objects.add(object);
    }

    private static HasMetadata convert(Located document) {
        try {
            KubernetesResource resource = FabricJson.mapper().treeToValue(document.node(), KubernetesResource.class);
            if (resource instanceof HasMetadata object) {
                return object;
            }
            throw document.error(
                    "",
                    "not a Kubernetes object: " + document.node().path("kind").asText());
        } catch (ScenarioException e) {
            throw e;
        } catch (JsonMappingException e) {
            String pointer = pointer(e.getPath());
            String field =
                    pointer.isEmpty() ? "" : " (at " + pointer.substring(1).replace('/', '.') + ")";
            throw new ScenarioException(
                    document.file(),
                    document.line(pointer),
                    "not a valid " + document.node().path("kind").asText() + field + ": " + e.getOriginalMessage(),
                    e);
        } catch (RuntimeException | IOException e) {
            throw new ScenarioException(
                    document.file(),
                    document.startLine(),
                    "not a valid " + document.node().path("kind").asText() + ": " + e.getMessage(),
                    e);
        }
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            pointer.append('/')
                    .append(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
        }
        return pointer.toString();
    }

    private static void require(Located document, String pointer, String key) {
        JsonNode value = document.node().at(pointer);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ScenarioException(document.file(), document.startLine(), "Kubernetes document has no " + key);
        }
    }

    private static String identity(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return object.getApiVersion().replaceFirst("/[^/]+$", "") + " " + object.getKind() + " "
                + (isBlank(namespace) ? "" : namespace + "/")
                + object.getMetadata().getName();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
