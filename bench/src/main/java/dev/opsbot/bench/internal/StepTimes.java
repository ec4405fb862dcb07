package dev.opsbot.bench.internal;

import dev.opsbot.core.agent.AgentListener;
import dev.opsbot.core.agent.ToolCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The agent's listener in the overhead runs: per step, the time between {@code toolStarted} and {@code toolFinished}
 * of each tool ({@link System#nanoTime()}: the invoker's guard check, the tool on its virtual thread, redacting and
 * rendering its result), and the tool calls as the agent reports them.
 */
public final class StepTimes implements AgentListener {
    private final Map<Integer, Long> toolNanos = new TreeMap<>();
    private final List<ToolCall> toolCalls = new ArrayList<>();
    private final List<Long> modelCallMillis = new ArrayList<>();
    private long started;

    @Override
    public void modelCalled(int step, long inputTokens, long outputTokens, String promptSha256, Duration took) {
        modelCallMillis.add(took.toMillis());
    }

    @Override
    public void toolStarted(int step, String tool, String arguments) {
        started = System.nanoTime();
    }

    @Override
    public void toolFinished(int step, ToolCall call) {
        toolNanos.merge(step, System.nanoTime() - started, Long::sum);
        toolCalls.add(call);
    }

    /** Nanoseconds spent in tools during {@code step}, 0 when it called none. */
    public long toolNanos(int step) {
        return toolNanos.getOrDefault(step, 0L);
    }

    public List<ToolCall> toolCalls() {
        return List.copyOf(toolCalls);
    }

    public int modelCalls() {
        return modelCallMillis.size();
    }
}
