package dev.opsbot.tools.actions;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * fabric8's mock API server in CRUD mode, seeded straight into its store (a POST would replace uids and creation
 * times), with every request kept so a test can read the patch that was sent.
 */
final class ActionCluster implements AutoCloseable {
    static {
        for (String noisy : List.of("io.fabric8", "io.vertx", "io.netty")) {
            ((Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.WARN);
        }
    }

    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    private final KubernetesMockServer server;
    private final List<KubernetesAccess> accesses = new ArrayList<>();
    private final List<RecordedRequest> taken = new ArrayList<>();

    /** The bodies of the writes, in order: the CRUD dispatcher consumes a request's body as it reads it. */
    private final List<String> writeBodies = new CopyOnWriteArrayList<>();

    ActionCluster() {
        Dispatcher keepingBodies = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getMethod().equals("GET")) {
                    writeBodies.add(new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
                }
                return crud.dispatch(request);
            }
        };
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), keepingBodies, false);
        server.init();
    }

    /** Every object of {@code src/test/resources/kubernetes/<name>}, stored as written. */
    ActionCluster seedYaml(String name) {
        load(name).forEach(this::seed);
        return this;
    }

    ActionCluster seed(HasMetadata object) {
        String apiVersion = object.getApiVersion();
        String prefix = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        String path = prefix + "/namespaces/" + object.getMetadata().getNamespace() + "/" + object.getPlural();
        if (object.getMetadata().getResourceVersion() == null) {
            object.getMetadata().setResourceVersion(String.valueOf(crud.requestResourceVersion()));
        }
        var key =
                crud.getKey(path).add(new Attribute("name", object.getMetadata().getName()));
        crud.processEvent(path, key, null, null, Serialization.asJson(object));
        return this;
    }

    static List<HasMetadata> load(String name) {
        try (InputStream in = ActionCluster.class.getResourceAsStream("/kubernetes/" + name)) {
            Object parsed = YAML.unmarshal(in);
            List<HasMetadata> objects = new ArrayList<>();
            if (parsed instanceof KubernetesList list) {
                objects.addAll(list.getItems());
            } else if (parsed instanceof List<?> list) {
                list.forEach(item -> objects.add((HasMetadata) item));
            } else {
                objects.add((HasMetadata) parsed);
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KubernetesAccess access(boolean impersonate) {
        KubernetesAccess access = new KubernetesAccess(server.createClient(), impersonate);
        accesses.add(access);
        return access;
    }

    NamespacedKubernetesClient client() {
        return server.createClient();
    }

    /** The requests received since the last call, oldest first. */
    List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> fresh = new ArrayList<>();
        int count = server.getRequestCount() - taken.size();
        for (int i = 0; i < count; i++) {
            fresh.add(server.takeRequest());
        }
        taken.addAll(fresh);
        return fresh;
    }

    /** The requests of one method received since the last call to {@link #requests()}. */
    List<RecordedRequest> requests(String method) throws InterruptedException {
        return requests().stream().filter(r -> r.getMethod().equals(method)).toList();
    }

    /** The body of every request but a GET, oldest first. */
    List<String> writeBodies() {
        return List.copyOf(writeBodies);
    }

    @Override
    public void close() {
        accesses.forEach(KubernetesAccess::close);
        server.destroy();
    }
}
