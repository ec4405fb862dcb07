package dev.opsbot.bench.internal;

import dev.opsbot.core.agent.ToolCall;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The agent's own time per step over many runs. A step runs from the model call that opens it (the run's start, before
 * the request is built, for step 1) to the next model call (the run's end for the last step), so it holds one model
 * call and the tools the model asked for in it. Overhead is the step's wall time minus the time inside the model's
 * {@code doChat}, with the tools' time ({@link StepTimes}) and without it.
 */
public final class AgentSteps {
    /** One measured step, in milliseconds. */
    public record Step(
            int run,
            int step,
            double withTools,
            double withoutTools,
            double tools,
            double model,
            long gcMillisInRun,
            String reads) {}

    /**
     * When a run reached each point ({@link System#nanoTime()}): its start, the read tools built
     * ({@code readTools()}), the evidence brief written, the whole request built, and the run's end.
     */
    public record Marks(long startNanos, long toolsNanos, long briefNanos, long preparedNanos, long endNanos) {}

    private final List<Step> steps = new ArrayList<>();
    private final List<Double> runs = new ArrayList<>();
    private final List<Double> requests = new ArrayList<>();
    private final List<Double> readTools = new ArrayList<>();
    private final List<Double> briefs = new ArrayList<>();

    /** @param gcMillis collection time of this JVM while the run ran */
    public void add(int run, Marks marks, List<ScriptedInvestigation.Call> calls, StepTimes times, long gcMillis) {
        long startNanos = marks.startNanos();
        long endNanos = marks.endNanos();
        runs.add(ms(endNanos - startNanos));
        requests.add(ms(marks.preparedNanos() - startNanos));
        readTools.add(ms(marks.toolsNanos() - startNanos));
        briefs.add(ms(marks.briefNanos() - marks.toolsNanos()));
        List<ToolCall> reads = times.toolCalls();
        for (int step = 1; step <= calls.size(); step++) {
            long from = step == 1 ? startNanos : calls.get(step - 1).enteredNanos();
            long to = step == calls.size() ? endNanos : calls.get(step).enteredNanos();
            long model = calls.get(step - 1).nanos();
            long tool = times.toolNanos(step);
            String read = step <= reads.size() ? reads.get(step - 1).tool() : "final answer";
            steps.add(new Step(
                    run,
                    step,
                    ms(to - from - model),
                    ms(to - from - model - tool),
                    ms(tool),
                    ms(model),
                    gcMillis,
                    read));
        }
    }

    public int size() {
        return steps.size();
    }

    public double withTools(int percent) {
        return Nearest.rank(steps.stream().map(Step::withTools).toList(), percent);
    }

    public double withoutTools(int percent) {
        return Nearest.rank(steps.stream().map(Step::withoutTools).toList(), percent);
    }

    public void print() {
        System.out.println("    whole run (request built + AgentLoop.run): " + Nearest.format(runs, "ms"));
        System.out.println("    building the request (readTools, evidence brief, context; part of step 1): "
                + Nearest.format(requests, "ms"));
        System.out.println("      of which readTools(): " + Nearest.format(readTools, "ms"));
        System.out.println("      of which EvidenceBrief.of: " + Nearest.format(briefs, "ms"));
        System.out.println("    inside the scripted model's doChat, per call: "
                + Nearest.format(values(steps, s -> s.model() * 1000), "µs"));
        new TreeMap<>(steps.stream().collect(Collectors.groupingBy(Step::step)))
                .forEach((step, samples) -> System.out.printf(
                        Locale.ROOT,
                        "    step %d (%s): with tools %s | without %s | tools %s%n",
                        step,
                        samples.getFirst().reads(),
                        Nearest.format(values(samples, Step::withTools), "ms"),
                        Nearest.format(values(samples, Step::withoutTools), "ms"),
                        Nearest.format(values(samples, Step::tools), "ms")));
        System.out.println(
                "    per step, including tool time: " + Nearest.format(values(steps, Step::withTools), "ms"));
        System.out.println(
                "    per step, excluding tool time: " + Nearest.format(values(steps, Step::withoutTools), "ms"));
        System.out.println("    slowest steps (with tools): "
                + steps.stream()
                        .sorted(Comparator.comparingDouble(Step::withTools).reversed())
                        .limit(5)
                        .map(s -> String.format(
                                Locale.ROOT,
                                "run %d step %d %.1f ms (tools %.1f, without %.1f; GC in that run %d ms)",
                                s.run(),
                                s.step(),
                                s.withTools(),
                                s.tools(),
                                s.withoutTools(),
                                s.gcMillisInRun()))
                        .collect(Collectors.joining("; ")));
    }

    private static List<Double> values(List<Step> steps, ToDoubleFunction<Step> value) {
        return steps.stream().map(s -> value.applyAsDouble(s)).toList();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Nearest-rank percentiles: a value that was measured; p99 of fewer than 100 samples is the maximum. */
    static final class Nearest {
        private Nearest() {}

        static double rank(List<Double> values, int percent) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = values.stream().sorted().toList();
            int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }

        static String format(List<Double> values, String unit) {
            return String.format(
                    Locale.ROOT,
                    "p50 %.2f %s, p99 %.2f %s, max %.2f %s (n=%d)",
                    rank(values, 50),
                    unit,
                    rank(values, 99),
                    unit,
                    rank(values, 100),
                    unit,
                    values.size());
        }
    }
}
