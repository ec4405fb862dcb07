package dev.opsbot.app.cli;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.ops.LoggingSetup;
import dev.opsbot.app.triage.ScenarioTriage;
import dev.opsbot.scenario.Scenario;
import dev.opsbot.scenario.ScenarioLoader;
import dev.opsbot.scenario.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code opsbot demo [--scenario DIR] [--port N]}: everything in one process with no configuration: H2 under
 * ./data, the web console with alice, bob and mallory.
 */
@Command(name = "demo", description = "Run opsbot with the web console and no configuration needed.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080, or OPSBOT_PORT)")
    Integer port;

    @Option(
            names = "--scenario",
            paramLabel = "DIR",
            description = "an incident scenario directory (scenario.yaml at its top)")
    Path scenario;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (scenario != null && !Files.isRegularFile(scenario.resolve("scenario.yaml"))) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--scenario " + scenario + ": no scenario.yaml in that directory");
        }
        Scenario incident = scenario == null ? Scenarios.bundled() : ScenarioLoader.load(scenario);
        if (port != null && (port < 0 || port > 65_535)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port " + port + ": use 0 to 65535");
        }
        OpsbotConfig loaded = config.load();
        if (port != null) {
            loaded = loaded.withPort(port);
        }
        String channel = channel(incident);
        OpsbotConfig ready = prepare(loaded, channel);
        LoggingSetup.apply(ready.logging().format(), ready.logging().level());
        return Running.untilStopped(
                () -> OpsbotApplication.start(
                        ready, Clock.systemUTC(), (OpsbotApplication.TriageStarter) guard -> ScenarioTriage.start(
                                        incident,
                                        ready.triage(),
                                        Clock.systemUTC(),
                                        guard,
                                        ready.identity().environment())
                                .warmUp()),
                app -> printBanner(ready, app, incident, channel));
    }

    /**
     * What the demo runs on: the configuration with the web console on (the demo is played in it, and a
     * configuration leaves it off unless it turns it on), the scenario's channel first, and the demo's people and
     * runbooks.
     */
    static OpsbotConfig prepare(OpsbotConfig loaded, String channel) {
        return loaded.withConsoleEnabled()
                .withConsoleChannelFirst(channel)
                .withDemoPeopleUnlessMapped()
                .withMemory(loaded.memory().withDemoRunbooks());
    }

    /** The scenario's channel without its '#', or the default incident channel. */
    private static String channel(Scenario incident) {
        return incident.channel()
                .map(name -> name.startsWith("#") ? name.substring(1) : name)
                .orElse("incident-" + incident.service());
    }

    private void printBanner(OpsbotConfig loaded, OpsbotApplication app, Scenario incident, String channel) {
        var out = spec.commandLine().getOut();
        out.println();
        out.println("  opsbot demo is running: open http://"
                + browsable(loaded.server().host()) + ":" + app.port() + "/");
        out.println("  The console has no authentication; it listens on "
                + loaded.server().host() + " only.");
        out.println("  Scenario " + incident.name() + ": " + incident.service() + " in namespace "
                + incident.namespace() + ", as of " + incident.now() + ".");
        out.println("  In #" + channel + " ask: @opsbot " + incident.question());
        out.println("  Also: help, status. Stop with Ctrl-C.");
        out.println();
        out.flush();
    }

    private static String browsable(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    }
}
