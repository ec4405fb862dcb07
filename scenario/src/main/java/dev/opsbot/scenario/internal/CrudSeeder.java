package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.Pluralize;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.ApiVersionUtil;
import io.fabric8.kubernetes.client.utils.Utils;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Puts a scenario's objects into the CRUD store as they are in the files. A client POST would go through fabric8's
 * PostHandler, which keeps {@code status} for built-in kinds but replaces {@code uid}, {@code creationTimestamp},
 * {@code resourceVersion} and {@code generation} — and triage reads rollout times from creation timestamps and owners
 * by uid. Writing the store directly keeps them all, and costs no HTTP round trip per object.
 */
final class CrudSeeder {
    private static final int PARALLEL_FROM = 500;

    private final KubernetesCrudDispatcher crud;
    private final KubernetesAttributesExtractor attributes;

    CrudSeeder(KubernetesCrudDispatcher crud) {
        this.crud = crud;
        this.attributes = (KubernetesAttributesExtractor) crud.getAttributeExtractor();
    }

    void seed(List<HasMetadata> objects) {
        // every kind of a group, so that /apis/{group}/{version} lists it and generic resources get their plural
        Map<String, HasMetadata> oneOfEachKind = new LinkedHashMap<>();
        objects.stream()
                .filter(object -> ApiVersionUtil.trimGroupOrNull(object.getApiVersion()) != null)
                .forEach(object -> oneOfEachKind.putIfAbsent(object.getApiVersion() + " " + object.getKind(), object));
        oneOfEachKind.values().forEach(object -> crud.expectCustomResource(resourceContext(object)));
        // serialising is most of the work for a big scenario: spread it, then store in file order
        entries(objects).forEach(entry -> crud.getMap().put(entry.getKey(), entry.getValue()));
    }

    /**
     * The store as the files have it again, in one step under the store's lock: what was changed is put back and
     * what was made since (a rollout's ReplicaSet and pods) is gone, so no reader sees a half-restored cluster.
     */
    void replace(List<HasMetadata> objects) {
        List<Map.Entry<AttributeSet, String>> entries = entries(objects);
        Map<AttributeSet, String> store = crud.getMap();
        synchronized (store) {
            store.keySet().retainAll(entries.stream().map(Map.Entry::getKey).toList());
            entries.forEach(entry -> store.put(entry.getKey(), entry.getValue()));
        }
    }

    private List<Map.Entry<AttributeSet, String>> entries(List<HasMetadata> objects) {
        Stream<HasMetadata> stream = objects.size() > PARALLEL_FROM ? objects.parallelStream() : objects.stream();
        return stream.map(object -> Map.entry(key(object), json(object))).toList();
    }

    private AttributeSet key(HasMetadata object) {
        AttributeSet key = attributes.extract(object);
        if (!key.containsKey(KubernetesAttributesExtractor.PLURAL)) {
            key = key.add(new Attribute(KubernetesAttributesExtractor.PLURAL, plural(object)));
        }
        return key;
    }

    /** The object as JSON, with what an API server always sets and a hand-written file may leave out. */
    private String json(HasMetadata object) {
        ObjectNode tree = FabricJson.mapper().valueToTree(object);
        ObjectNode metadata = (ObjectNode) tree.get("metadata");
        if (!metadata.hasNonNull("uid")) {
            metadata.put(
                    "uid",
                    UUID.nameUUIDFromBytes(identity(object).getBytes(StandardCharsets.UTF_8))
                            .toString());
        }
        if (!metadata.hasNonNull("resourceVersion")) {
            metadata.put("resourceVersion", String.valueOf(crud.requestResourceVersion()));
        }
        return tree.toString();
    }

    private static CustomResourceDefinitionContext resourceContext(HasMetadata object) {
        return new CustomResourceDefinitionContext.Builder()
                .withGroup(ApiVersionUtil.trimGroup(object.getApiVersion()))
                .withVersion(ApiVersionUtil.trimVersion(object.getApiVersion()))
                .withKind(object.getKind())
                .withPlural(plural(object))
                .withScope(namespaced(object) ? "Namespaced" : "Cluster")
                .build();
    }

    private static boolean namespaced(HasMetadata object) {
        return object instanceof Namespaced
                || (object instanceof GenericKubernetesResource
                        && Utils.isNotNullOrEmpty(object.getMetadata().getNamespace()));
    }

    private static String plural(HasMetadata object) {
        return object instanceof GenericKubernetesResource
                ? Pluralize.toPlural(object.getKind().toLowerCase(Locale.ROOT))
                : object.getPlural();
    }

    private static String identity(HasMetadata object) {
        return object.getApiVersion() + "/" + object.getKind() + "/"
                + object.getMetadata().getNamespace() + "/"
                + object.getMetadata().getName();
    }
}
