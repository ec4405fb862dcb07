package dev.opsbot.scenario.internal;

import dev.opsbot.scenario.Scenario;
import dev.opsbot.scenario.ScenarioWrite;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock API server's dispatcher: fabric8's CRUD dispatcher, plus what it lacks for serving a scenario — pod logs,
 * field selectors on any field, discovery roots, keeping {@code /api/v1/...} reads to the core group (the CRUD
 * store matches by plural and version only, so {@code /api/v1/.../events} would also return events.k8s.io/v1
 * Events), and a Deployment controller ({@link DeploymentController}) that acts on every write. A write and what the
 * controller does after it happen under one write lock, so no read sees a rollout half made.
 */
final class ScenarioDispatcher extends Dispatcher {
    private static final Pattern POD_LOG = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/log");

    private final KubernetesCrudDispatcher crud;
    private final PodLogResponder logs;
    private final ListFilter lists;
    private final Discovery discovery;
    /** MockWebServer keeps every request it receives for tests to take; a long demo must not. */
    private final Runnable forgetRecordedRequests;

    private final AtomicLong dispatched = new AtomicLong();
    /** Who each request was made as (Impersonate-User → its Impersonate-Group headers), last request wins. */
    private final Map<String, List<String>> impersonated = new ConcurrentHashMap<>();
    /** Every write, in order, with who made it: what a demo or test checks an approved action did. */
    private final List<ScenarioWrite> writes = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final DeploymentController controller;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    ScenarioDispatcher(
            Scenario scenario,
            KubernetesCrudDispatcher crud,
            Runnable forgetRecordedRequests,
            ScenarioClock clock,
            Rollouts rollouts) {
        this.crud = crud;
        this.controller = new DeploymentController(new CrudStore(crud), clock, rollouts);
        this.forgetRecordedRequests = forgetRecordedRequests;
        this.logs = new PodLogResponder(scenario, crud);
        this.lists = new ListFilter();
        this.discovery = new Discovery(scenario.kubernetesObjects());
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (dispatched.incrementAndGet() % 1024 == 0) {
            forgetRecordedRequests.run();
        }
        String user = request.getHeader("Impersonate-User");
        if (user != null) {
            impersonated.put(user, List.copyOf(request.getHeaders().headers("Impersonate-Group")));
        }
        if (request.method() != HttpMethod.GET) {
            writes.add(new ScenarioWrite(
                    request.method().name(),
                    request.getPath(),
                    user,
                    List.copyOf(request.getHeaders().headers("Impersonate-Group"))));
            lock.writeLock().lock();
            try {
                MockResponse response = crud.dispatch(request);
                controller.afterWrite(
                        request.getMethod(), RequestPath.of(request.getPath()).path(), response.code());
                return response;
            } finally {
                lock.writeLock().unlock();
            }
        }
        lock.readLock().lock();
        try {
            return read(request);
        } finally {
            lock.readLock().unlock();
        }
    }

    private MockResponse read(RecordedRequest request) {
        RequestPath path = RequestPath.of(request.getPath());
        var root = discovery.answer(path.path());
        if (root.isPresent()) {
            return root.get();
        }
        Matcher log = POD_LOG.matcher(path.path());
        if (log.matches()) {
            return logs.respond(log.group(1), log.group(2), path.query());
        }
        boolean watch = "true".equals(path.parameter("watch"));
        String fieldSelector = path.parameter("fieldSelector");
        boolean filterHere =
                fieldSelector != null && !watch && !crud.getKey(path.path()).containsKey("name");
        RequestPath forStore = filterHere ? path.without("fieldSelector") : path;
        if (path.path().startsWith("/api/")) {
            forStore = forStore.withCoreGroupOnly();
        }
        MockResponse response = crud.dispatch(forStore.request(request));
        return filterHere ? lists.filter(response, fieldSelector) : response;
    }

    Map<String, List<String>> impersonated() {
        return Map.copyOf(impersonated);
    }

    List<ScenarioWrite> writes() {
        return List.copyOf(writes);
    }

    @Override
    public void shutdown() {
        crud.shutdown();
    }

    @Override
    public void releaseResources() {
        crud.releaseResources();
    }
}
