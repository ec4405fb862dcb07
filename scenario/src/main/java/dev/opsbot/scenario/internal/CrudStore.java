package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Objects in the mock API server's CRUD store, read and written directly as the controller does it: without the
 * HTTP handlers, which would stamp wall-clock creation times on what the scenario's clock dates. The caller holds the
 * dispatcher's write lock (see {@link ScenarioDispatcher}), so no request sees a half-made change.
 */
final class CrudStore {
    private final KubernetesCrudDispatcher crud;

    CrudStore(KubernetesCrudDispatcher crud) {
        this.crud = crud;
    }

    /** The objects of one collection ({@code /apis/apps/v1/namespaces/shop/replicasets}). */
    <T extends HasMetadata> List<T> list(String collectionPath, Class<T> type) {
        AttributeSet query = crud.getKey(collectionPath);
        List<T> objects = new ArrayList<>();
        for (Map.Entry<AttributeSet, String> entry : List.copyOf(crud.getMap().entrySet())) {
            if (entry.getKey().matches(query)) {
                objects.add(read(entry.getValue(), type));
            }
        }
        return objects;
    }

    <T extends HasMetadata> T get(String collectionPath, String name, Class<T> type) {
        Map.Entry<AttributeSet, String> entry = entry(collectionPath, name);
        return entry == null ? null : read(entry.getValue(), type);
    }

    /** Creates or replaces the object, with a new resourceVersion. */
    void put(HasMetadata object) {
        String path = collectionPath(object);
        Map.Entry<AttributeSet, String> existing =
                entry(path, object.getMetadata().getName());
        object.getMetadata().setResourceVersion(String.valueOf(crud.requestResourceVersion()));
        crud.processEvent(path, crud.getKey(path), existing == null ? null : existing.getKey(), null, write(object));
    }

    void delete(HasMetadata object) {
        String path = collectionPath(object);
        Map.Entry<AttributeSet, String> existing =
                entry(path, object.getMetadata().getName());
        if (existing != null) {
            crud.processEvent(path, crud.getKey(path), existing.getKey(), null, null);
        }
    }

    static String collectionPath(String apiVersion, String namespace, String plural) {
        String prefix = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        return prefix + "/namespaces/" + namespace + "/" + plural;
    }

    private static String collectionPath(HasMetadata object) {
        return collectionPath(object.getApiVersion(), object.getMetadata().getNamespace(), object.getPlural());
    }

    private Map.Entry<AttributeSet, String> entry(String collectionPath, String name) {
        return crud.findResource(crud.getKey(collectionPath + "/" + name));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return FabricJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the CRUD store holds JSON that is not a " + type.getSimpleName(), e);
        }
    }

    private static String write(HasMetadata object) {
        try {
            return FabricJson.mapper().writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + object.getKind(), e);
        }
    }
}
