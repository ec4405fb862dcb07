package dev.opsbot.bench.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Which deliveries an event load sends, phase after phase: {@code rate x length} new events, numbered on from the
 * previous phase, and after every {@code 100 / retryPercent}-th a retry: alternately of the event just before (it
 * races the first delivery, which may still be in flight) and of the one sent about 3 s earlier (the platform's
 * own retry after a missed ack; long handled by then).
 */
public final class RetryPlan {
    /** One request: event {@code event} (a number unique in the run) sent for the first time or as a retry. */
    public record Send(int event, boolean retry) {}

    private int next;

    /** The next phase's requests, in sending order. */
    public List<Send> phase(int rate, Duration length, int retryPercent) {
        int events = Math.toIntExact(rate * length.toMillis() / 1000);
        int first = next;
        int every = retryPercent == 0 ? Integer.MAX_VALUE : Math.max(1, Math.round(100f / retryPercent));
        List<Send> plan = new ArrayList<>();
        int retries = 0;
        for (int k = 0; k < events; k++) {
            int event = first + k;
            plan.add(new Send(event, false));
            if ((k + 1) % every == 0) {
                int late = event - 3 * rate;
                plan.add(new Send(retries++ % 2 == 1 && late >= 0 ? late : event, true));
            }
        }
        next = first + events;
        return plan;
    }

    /** Distinct events in every phase so far: numbers 0 to this, exclusive. */
    public int events() {
        return next;
    }

    /** Adds each event {@code result} acked at least once, with the thread it started, to {@code acked}. */
    public static void collect(
            List<Send> plan, AckLoop.Result result, Map<Integer, String> acked, IntFunction<String> thread) {
        for (int i = 0; i < plan.size(); i++) {
            if (result.acked()[i]) {
                acked.put(plan.get(i).event(), thread.apply(plan.get(i).event()));
            }
        }
    }
}
