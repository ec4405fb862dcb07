package dev.opsbot.app.cli;

import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.config.TriageConfig;
import dev.opsbot.app.ops.LoggingSetup;
import dev.opsbot.app.triage.PlainTextAnswer;
import dev.opsbot.app.triage.ScenarioTriage;
import dev.opsbot.core.conversation.Intent;
import dev.opsbot.core.conversation.IntentParser;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.TriageListener;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.TriageService;
import dev.opsbot.core.triage.result.TriageJson;
import dev.opsbot.scenario.Scenario;
import dev.opsbot.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code opsbot triage --scenario DIR [--question TEXT] --json}: one offline investigation of a scenario, served
 * through the production clients, printing the triage JSON (or, without {@code --json}, the answer as text).
 */
@Command(name = "triage", description = "Investigate a scenario offline and print the result.")
final class TriageCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(
            names = "--scenario",
            required = true,
            paramLabel = "DIR",
            description = "an incident scenario directory (scenario.yaml at its top)")
    Path scenario;

    @Option(
            names = "--question",
            paramLabel = "TEXT",
            description = "the question to investigate (default: the scenario's own question)")
    String question;

    @Option(names = "--json", description = "print the triage result JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OpsbotConfig loaded = config.load();
        LoggingSetup.apply(loaded.logging().format(), "warn");
        Scenario incident = ScenarioLoader.load(scenario);
        String asked = question == null ? incident.question() : question;
        Intent.Investigate intent = investigate(asked);
        try (ScenarioTriage triage = ScenarioTriage.start(incident, offline(loaded.triage()), Clock.systemUTC())) {
            TriageService service = triage.service();
            Investigation investigation =
                    service.investigation(intent.question(), intent.service(), intent.namespace(), intent.symptom());
            TriageReport report = service.run(investigation, localOperator(), TriageListener.NONE);
            var out = spec.commandLine().getOut();
            out.println(json ? TriageJson.write(report.result()) : PlainTextAnswer.render(report));
            out.flush();
        }
        return OpsbotCommand.OK;
    }

    private Intent.Investigate investigate(String asked) {
        if (new IntentParser().parse(asked) instanceof Intent.Investigate investigate) {
            return investigate;
        }
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "--question '" + asked + "' is not a question opsbot can investigate; ask like 'why is checkout 5xx?'");
    }

    /**
     * A scenario's sources are local, so the per-source deadline (there to stop one slow live source holding up the
     * answer) only gets in the way of a cold JVM loading its clients: offline, each source may use the whole budget.
     */
    private static TriageConfig offline(TriageConfig triage) {
        return new TriageConfig(triage.defaultNamespace(), triage.window(), triage.budget(), triage.budget());
    }

    /** Offline, the investigation acts as the person at the terminal. */
    private static Principal localOperator() {
        return Principal.of(System.getProperty("user.name", "operator"));
    }
}
