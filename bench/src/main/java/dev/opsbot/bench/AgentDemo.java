package dev.opsbot.bench;

import dev.langchain4j.model.output.TokenUsage;
import dev.opsbot.app.config.LlmConfig;
import dev.opsbot.app.config.TriageConfig;
import dev.opsbot.app.triage.ScenarioTriage;
import dev.opsbot.bench.internal.AgentSteps;
import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.BenchIdentity;
import dev.opsbot.bench.internal.CpuMeter;
import dev.opsbot.bench.internal.Drivers;
import dev.opsbot.bench.internal.Machine;
import dev.opsbot.bench.internal.PromptTokens;
import dev.opsbot.bench.internal.ScriptedInvestigation;
import dev.opsbot.bench.internal.StepTimes;
import dev.opsbot.bench.internal.TokenReport;
import dev.opsbot.bench.internal.TriageRuns;
import dev.opsbot.core.agent.AgentBudget;
import dev.opsbot.core.agent.AgentLoop;
import dev.opsbot.core.agent.AgentRequest;
import dev.opsbot.core.agent.AgentResult;
import dev.opsbot.core.agent.DomainAgents;
import dev.opsbot.core.agent.EvidenceBrief;
import dev.opsbot.core.agent.ModelProposal;
import dev.opsbot.core.agent.ToolCall;
import dev.opsbot.core.conversation.AgentAdvisor;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.CredentialBroker;
import dev.opsbot.core.identity.ElevationException;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.RequestOrigin;
import dev.opsbot.core.identity.SessionCredentials;
import dev.opsbot.core.identity.WriteGrant;
import dev.opsbot.core.identity.WriteSession;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.redaction.Vault;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolInvoker;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.SymptomKind;
import dev.opsbot.core.triage.TriageListener;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.scenario.Scenario;
import dev.opsbot.scenario.Scenarios;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Issue 7's two figures for the LLM agent, on the demo incident: the input tokens and model calls of the demo
 * investigation, and the agent's own time per step. The bundled scenario is served in this JVM ({@link ScenarioTriage}:
 * fabric8's mock API server, the production sources and read tools); triage runs once as alice, mapped by the
 * production resolver, and its report becomes the evidence. Then {@link AgentLoop} runs over it exactly as
 * {@link AgentAdvisor} builds the request, with the real read tools through a {@link ToolInvoker}, and a
 * {@link ScriptedInvestigation} in place of the model (pod log, rollout history, answer with a rollback).
 */
public final class AgentDemo {
    private static final String USAGE = """
            usage: bench/run dev.opsbot.bench.AgentDemo [--runs 30] [--warmup 5] [--token-target 8000]
                       [--call-target 6] [--target 200ms] [--dump DIR]
              In this JVM: the bundled checkout-oom scenario (ScenarioTriage), triage of its question as alice, then
              AgentLoop over that evidence with a scripted in-process model and the app's real read tools.
              Tokens: one run, every request counted with jtokkit (o200k_base). Target: total <= --token-target and
              model calls <= --call-target.
              Overhead: --warmup runs, then --runs measured; per step, wall time minus the time inside the model's
              doChat, with and without the tools' time. Target: every measured step < --target, judged with tool
              time included. Exit 0 when every run answered as scripted (met or MISSED is in the RESULT line), 1
              when a run failed or the run broke. --dump DIR writes each request of the token run to DIR/call-N.txt
              (messages and tool specs as counted).""";
    private static final String ENVIRONMENT = BenchIdentity.ENVIRONMENT;
    private static final String MODEL = "scripted";
    /** The revision before the scenario's bad rollout (42): what the model proposes to return to. */
    private static final int GOOD_REVISION = 41;

    private AgentDemo() {}

    public static void main(String[] argv) {
        System.exit(Drivers.run(() -> run(argv)));
    }

    /** One agent run, with the script's calls and the times needed to split it into steps. */
    private record Run(
            AgentResult result, List<ScriptedInvestigation.Call> calls, StepTimes times, AgentSteps.Marks marks) {}

    private static int run(String[] argv) throws Exception {
        Args args = Args.parse(
                argv, Set.of("runs", "warmup", "token-target", "call-target", "target", "dump"), Set.of(), USAGE);
        int runs = args.integer("runs", 30, 1, 10_000);
        int warmup = args.integer("warmup", 5, 0, 1_000);
        int tokenTarget = args.integer("token-target", 8_000, 1, 1_000_000);
        int callTarget = args.integer("call-target", 6, 1, 100);
        Duration target = args.duration("target", Duration.ofMillis(200), Duration.ofMinutes(1));

        System.out.println("AgentDemo: " + Machine.describe());
        System.out.println("  before the run: " + Machine.load());
        Scenario scenario = Scenarios.bundled();
        TransportGuard guard = TransportGuard.defaults();
        Clock clock = Clock.systemUTC();
        try (ScenarioTriage triage =
                ScenarioTriage.start(scenario, TriageConfig.defaults(), clock, guard, ENVIRONMENT)) {
            Acting.Outcome.As alice = alice(clock);
            TriageReport report = triage(triage, scenario, alice);
            List<Tool> tools = triage.readTools();
            checkScriptedToolsExist(tools);
            Map<String, String> hints = runnableHints(triage, alice);
            AgentBudget budget = new AgentBudget(
                    LlmConfig.DEFAULT_MAX_STEPS,
                    LlmConfig.DEFAULT_MAX_INPUT_TOKENS,
                    LlmConfig.DEFAULT_MAX_OUTPUT_TOKENS,
                    LlmConfig.DEFAULT_TIMEOUT,
                    LlmConfig.DEFAULT_RETRIES,
                    LlmConfig.DEFAULT_BACKOFF);
            System.out.printf(
                    Locale.ROOT,
                    "  agent: specialists %s, budget %d steps / %,d input tokens; fixes it may propose: %s%n",
                    DomainAgents.forInvestigation(scenario.question()).stream()
                            .map(a -> a.name())
                            .toList(),
                    budget.maxSteps(),
                    budget.maxInputTokens(),
                    hints.keySet());

            // the first run counts every request for real; later runs report the same usage without counting
            List<TokenUsage> counted = new ArrayList<>();
            ScriptedInvestigation.Usage usage = (call, request, reply) -> {
                if (call > counted.size()) {
                    counted.add(new TokenUsage(PromptTokens.count(request).total(), PromptTokens.output(reply)));
                }
                return counted.get(call - 1);
            };
            ScriptedInvestigation model =
                    new ScriptedInvestigation(scenario.namespace(), scenario.service(), GOOD_REVISION, usage);
            AgentLoop loop = new AgentLoop(model, MODEL, new ToolInvoker(guard, ENVIRONMENT), budget, clock);
            Runner runner = new Runner(loop, model, triage, scenario, alice, report, hints, budget, clock);

            Run first = runner.run();
            List<String> failures = new ArrayList<>(check(first, "token run"));
            if (!failures.isEmpty()) {
                failures.forEach(f -> System.out.println("FAILED: " + f));
                return 1;
            }
            printScript(first);
            TokenReport tokens = new TokenReport(first.calls());
            tokens.print();
            String dump = args.text("dump", null);
            if (dump != null) {
                tokens.dump(java.nio.file.Path.of(dump));
            }

            return overhead(runner, runs, warmup, target, tokens, tokenTarget, callTarget);
        }
    }

    private static int overhead(
            Runner runner, int runs, int warmup, Duration target, TokenReport tokens, int tokenTarget, int callTarget) {
        AgentSteps steps = new AgentSteps();
        CpuMeter cpu = null;
        for (int i = 0; i < warmup + runs; i++) {
            if (i == warmup) {
                cpu = CpuMeter.start();
            }
            long gcBefore = gcMillis();
            Run run = runner.run();
            long gc = gcMillis() - gcBefore;
            List<String> wrong = check(run, i < warmup ? "warm-up " + (i + 1) : "run " + (i - warmup + 1));
            if (!wrong.isEmpty()) {
                wrong.forEach(f -> System.out.println("FAILED: " + f));
                return 1;
            }
            if (i >= warmup) {
                steps.add(i - warmup + 1, run.marks(), run.calls(), run.times(), gc);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "  overhead: %d warm-up + %d measured runs, %d steps; a step runs from the model call that opens it"
                        + " (run start for step 1) to the next model call (run end for the last)%n",
                warmup,
                runs,
                steps.size());
        steps.print();
        System.out.println("    " + cpu.report());

        boolean tokensMet = tokens.input() <= tokenTarget && tokens.calls() <= callTarget;
        boolean overheadMet = steps.withTools(100) < target.toMillis();
        System.out.printf(
                Locale.ROOT,
                "RESULT AgentDemo: demo investigation %d model calls, %,d input tokens (o200k_base: %s), %,d output;"
                        + " target <= %,d tokens and <= %d calls: %s; agent overhead per step incl. tool time p50 %.1f"
                        + " ms, p99 %.1f ms, max %.1f ms, excl. tool time p50 %.2f ms, p99 %.2f ms, max %.2f ms"
                        + " (n=%d steps); target < %d ms for every step, judged incl. tool time: %s%n",
                tokens.calls(),
                tokens.input(),
                IntStream.rangeClosed(1, tokens.calls())
                        .mapToObj(c -> String.format(Locale.ROOT, "%,d", tokens.input(c)))
                        .collect(Collectors.joining(" + ")),
                tokens.output(),
                tokenTarget,
                callTarget,
                tokensMet ? "met" : "MISSED",
                steps.withTools(50),
                steps.withTools(99),
                steps.withTools(100),
                steps.withoutTools(50),
                steps.withoutTools(99),
                steps.withoutTools(100),
                steps.size(),
                target.toMillis(),
                overheadMet ? "met" : "MISSED");
        return 0;
    }

    /** Builds each run's request as {@link AgentAdvisor#advise} does, and times the run. */
    private record Runner(
            AgentLoop loop,
            ScriptedInvestigation script,
            ScenarioTriage triage,
            Scenario scenario,
            Acting.Outcome.As alice,
            TriageReport report,
            Map<String, String> hints,
            AgentBudget budget,
            Clock clock) {
        Run run() {
            script.reset();
            StepTimes times = new StepTimes();
            long start = System.nanoTime();
            List<Tool> tools = triage.readTools();
            long toolsBuilt = System.nanoTime();
            String evidence = EvidenceBrief.of(report.result());
            long briefBuilt = System.nanoTime();
            AgentRequest request = new AgentRequest(
                    scenario.question(),
                    alice.identity().displayName(),
                    tools,
                    ToolContext.of(alice.principal(), alice.cloud(), budget.timeout(), clock),
                    Vault.create(),
                    List.of(),
                    List.of(),
                    evidence,
                    hints,
                    DomainAgents.forInvestigation(scenario.question()));
            long prepared = System.nanoTime();
            AgentResult result = loop.run(request, times);
            long end = System.nanoTime();
            if (script.failure() != null) {
                throw new IllegalStateException("the script stopped: " + script.failure());
            }
            return new Run(
                    result, script.calls(), times, new AgentSteps.Marks(start, toolsBuilt, briefBuilt, prepared, end));
        }
    }

    /** What is wrong with a run: not answered, not the scripted rollback, a read that failed, an extra call. */
    private static List<String> check(Run run, String label) {
        List<String> wrong = new ArrayList<>();
        if (!(run.result() instanceof AgentResult.Answered answered)) {
            wrong.add(label + ": the agent did not answer: " + run.result());
            return wrong;
        }
        List<ModelProposal> proposals = answered.proposals();
        boolean rollback = proposals.size() == 1
                && proposals.getFirst().action().equals("kubernetes.rollback")
                && proposals.getFirst().target().equals("Deployment/shop/checkout")
                && String.valueOf(proposals.getFirst().params().get("toRevision"))
                        .equals(String.valueOf(GOOD_REVISION));
        if (!rollback) {
            wrong.add(label + ": proposals " + proposals + ", want one rollback of checkout to " + GOOD_REVISION);
        }
        for (ToolCall call : answered.toolCalls()) {
            if (!call.outcome().equals("ok")) {
                wrong.add(label + ": " + call.tool() + " " + call.arguments() + " -> " + call.outcome());
            }
        }
        if (answered.toolCalls().size() != ScriptedInvestigation.READS.size()
                || run.calls().size() != ScriptedInvestigation.READS.size() + 1
                || run.times().modelCalls() != run.calls().size()) {
            wrong.add(label + ": " + run.calls().size() + " model calls and "
                    + answered.toolCalls().size()
                    + " reads, want " + (ScriptedInvestigation.READS.size() + 1) + " and "
                    + ScriptedInvestigation.READS.size());
        }
        return wrong;
    }

    private static void printScript(Run run) {
        AgentResult.Answered answered = (AgentResult.Answered) run.result();
        System.out.println("  the scripted investigation (first run):");
        for (ToolCall call : answered.toolCalls()) {
            System.out.printf(
                    Locale.ROOT,
                    "    read %s %s -> %s, %,d characters, %d ms%n",
                    call.tool(),
                    call.arguments(),
                    call.outcome(),
                    call.resultSize(),
                    call.millis());
        }
        System.out.printf(
                Locale.ROOT,
                "    answer (confidence %.2f): %s%n    proposals: %s%n",
                answered.confidence(),
                answered.text().lines().findFirst().orElse(""),
                answered.proposals());
        System.out.printf(
                Locale.ROOT,
                "    the agent's own usage (what the thread's footer and the audit log get; the script reports"
                        + " jtokkit's counts as the provider's usage): %,d in, %,d out, %d calls%n",
                answered.usage().inputTokens(),
                answered.usage().outputTokens(),
                answered.usage().calls());
    }

    private static TriageReport triage(ScenarioTriage triage, Scenario scenario, Acting.Outcome.As alice) {
        Investigation investigation = triage.service()
                .investigation(scenario.question(), scenario.service(), scenario.namespace(), SymptomKind.HTTP_5XX);
        long start = System.nanoTime();
        TriageReport report =
                triage.service().run(investigation, alice.principal(), alice.cloud(), TriageListener.NONE);
        TriageRuns.wrongAnswer(scenario, report).ifPresent(w -> {
            throw new IllegalStateException("triage answered wrongly: " + w);
        });
        System.out.printf(
                Locale.ROOT,
                "  triage of \"%s\" as %s (groups %s) in %.0f ms: %s; evidence brief %,d characters%n",
                scenario.question(),
                alice.principal().subject(),
                alice.principal().groups(),
                ms(System.nanoTime() - start),
                TriageRuns.answer(report),
                EvidenceBrief.of(report.result()).length());
        return report;
    }

    private static void checkScriptedToolsExist(List<Tool> tools) {
        List<String> offered = tools.stream()
                .filter(t -> t.spec().risk() == Risk.READ)
                .map(t -> t.spec().name().replace(".", "__"))
                .toList();
        for (String tool : ScriptedInvestigation.READS) {
            if (!offered.contains(tool)) {
                throw new IllegalStateException(
                        "the script calls " + tool + ", but ScenarioTriage.readTools() offers only " + offered);
            }
        }
        System.out.println("  read tools of the backend (" + offered.size() + "): " + String.join(", ", offered));
    }

    /** {@link AgentAdvisor#ACTION_HINTS} the backend's action tools can run, as the advisor filters them. */
    private static Map<String, String> runnableHints(ScenarioTriage triage, Acting.Outcome.As alice) {
        Set<String> runnable = triage.actions(p -> alice.principal(), Duration.ofMinutes(1)).tools().stream()
                .filter(t -> t.spec().risk() != Risk.READ)
                .map(t -> t.spec().name())
                .collect(Collectors.toSet());
        Map<String, String> hints = new LinkedHashMap<>();
        AgentAdvisor.ACTION_HINTS.forEach((action, hint) -> {
            if (runnable.contains(action)) {
                hints.put(action, hint);
            }
        });
        return hints;
    }

    /** Alice as the production resolver maps her; the scenario reads no AWS, so her AWS session is never asked for. */
    private static Acting.Outcome.As alice(Clock clock) {
        CredentialBroker noAws = new CredentialBroker() {
            @Override
            public SessionCredentials forRead(Identity person, String environment, RequestOrigin origin) {
                throw new ElevationException(ElevationException.Kind.NO_ROLE, "the scenario reads no AWS");
            }

            @Override
            public WriteSession forWrite(WriteGrant grant) {
                throw new ElevationException(ElevationException.Kind.NO_ROLE, "the bench never writes");
            }
        };
        Acting.Outcome outcome =
                BenchIdentity.acting(noAws, clock).forRead(BenchIdentity.question("agent-demo", "Ev-agent-demo"));
        if (!(outcome instanceof Acting.Outcome.As alice)) {
            throw new IllegalStateException("alice was not mapped to a reader: " + outcome);
        }
        return alice;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
