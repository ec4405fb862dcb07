package dev.opsbot.bench.internal;

import dev.opsbot.app.OpsbotApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.Record;

/**
 * After an {@link EventLoad}: waits until every acked event has its reply and the ledger has nothing pending, then
 * {@code settle} more for late doubles, and checks: one reply in each acked event's thread, none in a thread no
 * event started, and one completed {@code inbound_event} row per acked event.
 */
final class EventDelivery {
    /** What the check found: acked events never answered, answered more than once, and every failure. */
    record Outcome(List<String> failures, int lost, int doubled) {}

    /** Acked events by their replies: none (lost) or more than one (doubled), with a few ids of each. */
    private record Answered(int lost, int doubled, List<String> lostSamples, List<String> doubledSamples) {}

    /** The platform's rows in {@code inbound_event}, against the acked events. */
    private record Ledger(int rows, int distinct, int missing, int notCompleted) {}

    private final EventLoad.Names names;
    private final EventLoad.Platform platform;
    private final OpsbotApplication app;

    EventDelivery(EventLoad.Names names, EventLoad.Platform platform, OpsbotApplication app) {
        this.names = names;
        this.platform = platform;
        this.app = app;
    }

    /**
     * @param acked event number -> its thread, for every event acked at least once
     * @param sentEvents events 0 to this (exclusive) were sent, acked or not
     */
    Outcome check(Map<Integer, String> acked, int sentEvents, Duration deadline, Duration settle)
            throws InterruptedException {
        double drained = awaitReplies(acked, deadline);
        Thread.sleep(settle.toMillis());
        Map<String, Integer> replies = platform.repliesByThread();
        long pending = app.stores().eventLedger().countPending();

        Set<String> ourThreads = new HashSet<>();
        for (int e = 0; e < sentEvents; e++) {
            ourThreads.add(platform.thread(e));
        }
        Answered answered = answered(acked, replies);
        int ours = 0;
        int foreign = 0;
        for (Map.Entry<String, Integer> thread : replies.entrySet()) {
            if (ourThreads.contains(thread.getKey())) {
                ours += thread.getValue();
            } else {
                foreign += thread.getValue();
            }
        }
        int unackedAnswered = 0;
        for (int e = 0; e < sentEvents; e++) {
            if (!acked.containsKey(e) && replies.containsKey(platform.thread(e))) {
                unackedAnswered++;
            }
        }
        Ledger ledger = ledger(acked);

        System.out.printf(
                Locale.ROOT,
                "  handling drained %.1f s after the last ack (+%d s settle): %d %s acked (warm-up included),"
                        + " %d %s in their threads, %d elsewhere; ledger: %d %s rows, %d pending%n",
                drained,
                settle.toSeconds(),
                acked.size(),
                names.events(),
                ours,
                names.replies(),
                foreign,
                ledger.rows(),
                names.platform(),
                pending);
        System.out.println(platform.callsReport());
        List<String> failures = new ArrayList<>();
        if (answered.lost() > 0) {
            failures.add(answered.lost() + " acknowledged " + names.events() + " never answered (lost), e.g. "
                    + answered.lostSamples());
        }
        if (answered.doubled() > 0) {
            failures.add(answered.doubled() + " " + names.events() + " answered more than once (handled twice), e.g. "
                    + answered.doubledSamples());
        }
        if (foreign > 0) {
            failures.add(foreign + " " + names.replyCalls() + " outside every " + names.event() + "'s thread");
        }
        if (unackedAnswered > 0) {
            System.out.println("  note: " + unackedAnswered + " " + names.events() + " whose every delivery failed"
                    + " were answered anyway (recorded before the error)");
        }
        if (ledger.missing() > 0 || ledger.notCompleted() > 0 || ledger.rows() != ledger.distinct()) {
            failures.add("ledger: " + ledger.missing() + " acked " + names.events() + " missing, "
                    + ledger.notCompleted() + " not completed");
        }
        if (ledger.rows() > sentEvents) {
            failures.add("ledger holds " + ledger.rows() + " " + names.platform() + " rows for " + sentEvents
                    + " distinct " + names.events() + " sent");
        }
        return new Outcome(failures, answered.lost(), answered.doubled());
    }

    /** Until every acked event's thread has a reply and nothing is pending, or {@code deadline}; the seconds taken. */
    private double awaitReplies(Map<Integer, String> acked, Duration deadline) throws InterruptedException {
        long waitStart = System.nanoTime();
        long until = waitStart + deadline.toNanos();
        while (System.nanoTime() < until
                && (unanswered(acked, platform.repliesByThread()) > 0
                        || app.stores().eventLedger().countPending() > 0)) {
            Thread.sleep(250);
        }
        return (System.nanoTime() - waitStart) / 1e9;
    }

    private Answered answered(Map<Integer, String> acked, Map<String, Integer> replies) {
        int lost = 0;
        int doubled = 0;
        List<String> lostSamples = new ArrayList<>();
        List<String> doubledSamples = new ArrayList<>();
        for (Map.Entry<Integer, String> event : acked.entrySet()) {
            int n = replies.getOrDefault(event.getValue(), 0);
            if (n == 0) {
                lost++;
                sample(lostSamples, platform.eventId(event.getKey()));
            } else if (n > 1) {
                doubled++;
                sample(doubledSamples, platform.eventId(event.getKey()) + " (" + n + " replies)");
            }
        }
        return new Answered(lost, doubled, lostSamples, doubledSamples);
    }

    private Ledger ledger(Map<Integer, String> acked) {
        Map<String, Boolean> completedById = new HashMap<>();
        int rows = 0;
        for (Record row : app.database()
                .dsl()
                .fetch("SELECT event_id, completed_at FROM inbound_event WHERE platform = ?", names.platform())) {
            rows++;
            completedById.put(row.get(0, String.class), row.get(1) != null);
        }
        int missing = 0;
        int notCompleted = 0;
        for (int event : acked.keySet()) {
            Boolean completed = completedById.get(platform.eventId(event));
            if (completed == null) {
                missing++;
            } else if (!completed) {
                notCompleted++;
            }
        }
        return new Ledger(rows, completedById.size(), missing, notCompleted);
    }

    private static int unanswered(Map<Integer, String> acked, Map<String, Integer> replies) {
        int missing = 0;
        for (String thread : acked.values()) {
            if (!replies.containsKey(thread)) {
                missing++;
            }
        }
        return missing;
    }

    private static void sample(List<String> samples, String what) {
        if (samples.size() < 5) {
            samples.add(what);
        }
    }
}
