package dev.opsbot.bench.internal;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.triage.Actions;
import dev.opsbot.app.triage.ScenarioTriage;
import dev.opsbot.app.triage.TriageBackend;
import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.triage.TriageService;
import dev.opsbot.scenario.Scenario;
import dev.opsbot.scenario.Scenarios;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * opsbot replicas in this JVM on one database, each as {@code opsbot demo} wires itself (the bundled scenario's
 * channel first, alice, bob and mallory, the demo runbooks) but configured through the environment variables a
 * deployment uses, with a port of its own. They share one running scenario, as replicas share one cluster: a
 * rollback approved through either changes what both see afterwards.
 */
public final class DemoReplicas implements AutoCloseable {
    private final List<OpsbotApplication> replicas;
    private final ScenarioTriage scenario;
    private final String channel;

    private DemoReplicas(List<OpsbotApplication> replicas, ScenarioTriage scenario, String channel) {
        this.replicas = replicas;
        this.scenario = scenario;
        this.channel = channel;
    }

    /** Starts {@code count} replicas one after another (the first migrates the database and starts the scenario). */
    public static DemoReplicas start(int count, String jdbcUrl, String user, String password, Path dataDir) {
        Scenario incident = Scenarios.bundled();
        String channel = incident.channel()
                .map(name -> name.startsWith("#") ? name.substring(1) : name)
                .orElse("incident-" + incident.service());
        Map<String, String> env = new HashMap<>(Map.of(
                "OPSBOT_PORT",
                "0",
                "OPSBOT_DATA_DIR",
                dataDir.toString(),
                "OPSBOT_DATABASE_URL",
                jdbcUrl,
                "OPSBOT_DATABASE_USER",
                user));
        if (!password.isEmpty()) {
            env.put("OPSBOT_DATABASE_PASSWORD", password);
        }
        OpsbotConfig loaded = ConfigLoader.load(null, env).withConsoleEnabled();
        OpsbotConfig config = loaded.withConsoleChannelFirst(channel)
                .withDemoPeopleUnlessMapped()
                .withMemory(loaded.memory().withDemoRunbooks());
        List<OpsbotApplication> started = new ArrayList<>();
        ScenarioTriage[] shared = new ScenarioTriage[1];
        try {
            for (int i = 0; i < count; i++) {
                started.add(
                        OpsbotApplication.start(config, Clock.systemUTC(), (OpsbotApplication.TriageStarter) guard -> {
                            if (shared[0] == null) {
                                // the first replica's guardrails check the shared scenario's requests; every
                                // replica is configured alike, so each would have checked them the same way
                                shared[0] = ScenarioTriage.start(
                                                incident,
                                                config.triage(),
                                                Clock.systemUTC(),
                                                guard,
                                                config.identity().environment())
                                        .warmUp();
                            }
                            return new Shared(shared[0]);
                        }));
            }
            return new DemoReplicas(List.copyOf(started), shared[0], channel);
        } catch (RuntimeException e) {
            started.forEach(OpsbotApplication::close);
            if (shared[0] != null) {
                shared[0].close();
            }
            throw e;
        }
    }

    public List<OpsbotApplication> replicas() {
        return replicas;
    }

    public URI base(int replica) {
        return URI.create("http://127.0.0.1:" + replicas.get(replica).port());
    }

    /** The scenario's channel without its '#': where the demo's questions are asked. */
    public String channel() {
        return channel;
    }

    public ScenarioTriage scenario() {
        return scenario;
    }

    /** Each replica gracefully (in-flight work finishes), then the scenario they shared. */
    @Override
    public void close() {
        replicas.forEach(OpsbotApplication::close);
        scenario.close();
    }

    /** The shared scenario as one replica's backend: closing a replica must not stop it under the others. */
    private record Shared(ScenarioTriage scenario) implements TriageBackend {
        @Override
        public TriageService service() {
            return scenario.service();
        }

        @Override
        public Actions actions(Function<Proposal, Principal> reader, Duration verifyWindow) {
            return scenario.actions(reader, verifyWindow);
        }

        @Override
        public List<Tool> readTools() {
            return scenario.readTools();
        }

        @Override
        public String description() {
            return scenario.description();
        }

        @Override
        public void close() {
            // DemoReplicas.close stops the scenario after the last replica
        }
    }
}
