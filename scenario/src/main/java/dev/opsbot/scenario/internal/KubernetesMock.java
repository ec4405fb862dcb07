package dev.opsbot.scenario.internal;

import dev.opsbot.scenario.Scenario;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * fabric8's mock API server in CRUD mode on 127.0.0.1 and a free port, holding a scenario's objects and answering pod
 * log requests from its log files. Plain HTTP: the clients under test are configured with its URL like any cluster.
 */
public final class KubernetesMock implements AutoCloseable {
    /**
     * MockWebServer logs every request at INFO through java.util.logging (to stderr, unless bridged); held here so
     * that the level set at each start sticks.
     */
    private static final Logger REQUEST_LOG = Logger.getLogger(MockWebServer.class.getName());

    private final KubernetesMockServer server;
    private final String url;
    private final String namespace;
    private KubernetesClient client;

    private final ScenarioDispatcher dispatcher;

    private final Scenario scenario;
    private final CrudSeeder seeder;

    private KubernetesMock(
            KubernetesMockServer server, ScenarioDispatcher dispatcher, Scenario scenario, CrudSeeder seeder) {
        this.scenario = scenario;
        this.seeder = seeder;
        this.server = server;
        this.dispatcher = dispatcher;
        this.url = "http://127.0.0.1:" + server.getPort() + "/";
        this.namespace = scenario.namespace();
    }

    public static KubernetesMock start(Scenario scenario) {
        return start(scenario, new ScenarioClock(scenario.now()), new Rollouts());
    }

    /**
     * @param clock the scenario's time, which the simulated Deployment controller stamps its changes with
     * @param rollouts where the controller records what it did (the scenario's metrics follow it)
     */
    public static KubernetesMock start(Scenario scenario, ScenarioClock clock, Rollouts rollouts) {
        REQUEST_LOG.setLevel(Level.WARNING);
        KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of());
        CrudSeeder seeder = new CrudSeeder(crud);
        seeder.seed(scenario.kubernetesObjects());
        MockWebServer web = new MockWebServer();
        ScenarioDispatcher dispatcher = new ScenarioDispatcher(scenario, crud, web::reset, clock, rollouts);
        KubernetesMockServer server =
                new KubernetesMockServer(new Context(FabricJson.mapper()), web, new HashMap<>(), dispatcher, false);
        try {
            server.start(loopback(), 0);
        } catch (RuntimeException e) {
            try {
                server.destroy();
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        return new KubernetesMock(server, dispatcher, scenario, seeder);
    }

    /** Every object back as the scenario's files have it; what was written or made since is undone. */
    public void restoreObjects() {
        seeder.replace(scenario.kubernetesObjects());
    }

    public String url() {
        return url;
    }

    /** The people requests impersonated, each with the groups of their latest request. */
    public Map<String, List<String>> impersonated() {
        return dispatcher.impersonated();
    }

    /** Every write the API server received, in order, with who made it. */
    public List<dev.opsbot.scenario.ScenarioWrite> writes() {
        return dispatcher.writes();
    }

    /** A client of the mock with the scenario's namespace as default; no credentials, no impersonation. */
    public synchronized KubernetesClient client() {
        if (client == null) {
            client = new KubernetesClientBuilder().withConfig(config()).build();
        }
        return client;
    }

    /** The client configuration production code needs to reach the mock (master URL and default namespace). */
    public Config config() {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(url)
                .withNamespace(namespace)
                .withHttp2Disable(true)
                .build();
    }

    @Override
    public synchronized void close() {
        try {
            if (client != null) {
                client.close();
                client = null;
            }
        } finally {
            server.destroy();
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
