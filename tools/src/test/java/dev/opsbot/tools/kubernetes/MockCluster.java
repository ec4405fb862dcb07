package dev.opsbot.tools.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * fabric8's mock API server in mixed mode (recorded expectations first, else CRUD), seeded without going through
 * POST. {@code @EnableKubernetesMockClient(crud = true)} is the same server, but its POST stamps every object with a
 * new uid and creationTimestamp = now, and rollout history and change times are all about those timestamps. Seeding
 * straight into the CRUD store keeps objects exactly as {@code kubectl get -o yaml} printed them.
 */
final class MockCluster implements AutoCloseable {
    static {
        QuietLogs.apply();
    }

    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    final KubernetesMockServer server;
    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    private final Map<ServerRequest, Queue<ServerResponse>> expectations = new ConcurrentHashMap<>();
    private final List<KubernetesAccess> accesses = new ArrayList<>();

    MockCluster() {
        MockDispatcher recorded = new MockDispatcher(expectations);
        Dispatcher mixed = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                var queue =
                        expectations.get(new SimpleRequest(HttpMethod.valueOf(request.getMethod()), request.getPath()));
                if (queue != null && !queue.isEmpty()) {
                    return recorded.dispatch(request);
                }
                // CRUD mode knows no log subresource; an empty log is what a quiet container has
                if (request.getPath().contains("/log?")) {
                    return new MockResponse().setResponseCode(200).setBody("");
                }
                return crud.dispatch(request);
            }
        };
        server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations, mixed, false);
        server.init();
    }

    /** Forgets every object, expectation and recorded request: one server can serve a whole test class. */
    MockCluster reset() throws InterruptedException {
        crud.reset();
        expectations.clear();
        requests();
        return this;
    }

    /** Stores objects as given: uid, creationTimestamp, managedFields and status included. */
    MockCluster seed(HasMetadata... objects) {
        for (HasMetadata object : objects) {
            String path = collectionPath(object);
            var key = crud.getKey(path)
                    .add(new Attribute("name", object.getMetadata().getName()));
            crud.processEvent(path, key, null, null, Serialization.asJson(object));
        }
        return this;
    }

    /** Seeds every object of a (multi-document, or kind: List) YAML file under src/test/resources/kubernetes. */
    MockCluster seedYaml(String name) {
        for (HasMetadata object : load(name)) {
            seed(object);
        }
        return this;
    }

    static List<HasMetadata> load(String name) {
        try (InputStream in = MockCluster.class.getResourceAsStream("/kubernetes/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource kubernetes/" + name);
            }
            Object parsed = YAML.unmarshal(in);
            List<HasMetadata> objects = new ArrayList<>();
            flatten(parsed, objects);
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flatten(Object parsed, List<HasMetadata> into) {
        if (parsed instanceof List<?> list) {
            list.forEach(item -> flatten(item, into));
        } else if (parsed instanceof KubernetesList list) {
            into.addAll(list.getItems());
        } else if (parsed instanceof HasMetadata object) {
            into.add(object);
        }
    }

    /** An access over a new client of this server (each client starts its own HTTP machinery: reuse it). */
    KubernetesAccess access(boolean impersonate) {
        KubernetesAccess access = new KubernetesAccess(server.createClient(), impersonate);
        accesses.add(access);
        return access;
    }

    NamespacedKubernetesClient client() {
        return server.createClient();
    }

    /** The path a list of this object's kind is read from: {@code /apis/apps/v1/namespaces/shop/deployments}. */
    static String collectionPath(HasMetadata object) {
        String apiVersion = object.getApiVersion();
        String prefix = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        String namespace = object.getMetadata().getNamespace();
        return prefix + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + object.getPlural();
    }

    /** Every request the server received so far, oldest first. */
    List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        int count = server.getRequestCount() - taken;
        for (int i = 0; i < count; i++) {
            requests.add(server.takeRequest());
        }
        taken += count;
        return requests;
    }

    private int taken;

    @Override
    public void close() {
        accesses.forEach(KubernetesAccess::close);
        server.destroy();
    }

    static Map<String, String> map(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
