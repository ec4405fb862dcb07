package dev.opsbot.core.triage;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks every source at once, each on its own virtual thread under its own deadline, and waits for all of them. A
 * source that overruns is interrupted and reported as "did not answer in N s"; the others are not held up by it. The
 * listener hears once per source how it finished, even when an overrunning source stops after being reported.
 */
final class Fanout {
    private final List<EvidenceSource> sources;
    private final Duration perSource;

    Fanout(List<EvidenceSource> sources, Duration perSource) {
        this.sources = List.copyOf(sources);
        this.perSource = perSource;
    }

    List<SourceOutcome> collect(Investigation investigation, ToolContext context, TriageListener listener) {
        Duration budget = context.remaining().compareTo(perSource) < 0 ? context.remaining() : perSource;
        ToolContext sourceContext = context.within(budget);
        long started = System.nanoTime();
        List<FutureTask<SourceOutcome>> calls = new ArrayList<>();
        List<AtomicBoolean> reported = new ArrayList<>();
        for (EvidenceSource source : sources) {
            AtomicBoolean once = new AtomicBoolean();
            FutureTask<SourceOutcome> call =
                    new FutureTask<>(() -> ask(source, investigation, sourceContext, listener, once));
            calls.add(call);
            reported.add(once);
            Thread.ofVirtual().name("triage-" + source.name()).start(call);
        }
        List<SourceOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            outcomes.add(await(sources.get(i).name(), calls.get(i), reported.get(i), started, budget, listener));
        }
        return outcomes;
    }

    private static SourceOutcome ask(
            EvidenceSource source,
            Investigation investigation,
            ToolContext context,
            TriageListener listener,
            AtomicBoolean reported) {
        listener.sourceStarted(source.name());
        long started = System.nanoTime();
        SourceOutcome outcome;
        try {
            outcome = SourceOutcome.answered(source.collect(investigation, context), millisSince(started));
        } catch (SourceFailure failure) {
            outcome = SourceOutcome.failed(source.name(), failure, millisSince(started));
        } catch (RuntimeException unexpected) {
            outcome = SourceOutcome.failed(
                    source.name(),
                    SourceFailure.unavailable(source.name(), SourceFailure.describe(unexpected), unexpected),
                    millisSince(started));
        }
        finished(outcome, reported, listener);
        return outcome;
    }

    private static SourceOutcome await(
            String name,
            FutureTask<SourceOutcome> call,
            AtomicBoolean reported,
            long started,
            Duration budget,
            TriageListener listener) {
        long leftNanos = budget.toNanos() - (System.nanoTime() - started);
        try {
            try {
                return call.get(Math.max(0, leftNanos), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (!reported.compareAndSet(false, true)) {
                    // it answered just as its time ran out and has reported itself: keep its answer
                    return call.get();
                }
                // claimed before the interrupt, so that what the interrupted source says next is not reported
                call.cancel(true);
                SourceOutcome late =
                        SourceOutcome.failed(name, SourceFailure.timeout(name, budget), millisSince(started));
                listener.sourceFinished(late.status());
                return late;
            }
        } catch (ExecutionException e) {
            SourceOutcome broken = SourceOutcome.failed(
                    name,
                    SourceFailure.unavailable(name, String.valueOf(e.getCause()), e.getCause()),
                    millisSince(started));
            finished(broken, reported, listener);
            return broken;
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return SourceOutcome.failed(name, SourceFailure.timeout(name, budget), millisSince(started));
        }
    }

    /** Tells the listener how a source finished, unless it has been told already. */
    private static void finished(SourceOutcome outcome, AtomicBoolean reported, TriageListener listener) {
        if (reported.compareAndSet(false, true)) {
            listener.sourceFinished(outcome.status());
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
