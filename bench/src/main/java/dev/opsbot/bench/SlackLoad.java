package dev.opsbot.bench;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.bench.internal.AckLoop;
import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.CpuMeter;
import dev.opsbot.bench.internal.Drivers;
import dev.opsbot.bench.internal.FreePort;
import dev.opsbot.bench.internal.Latencies;
import dev.opsbot.bench.internal.Machine;
import dev.opsbot.bench.internal.SignedEventSender;
import dev.opsbot.bench.internal.SlackWebApiStub;
import dev.opsbot.bench.internal.TempDirs;
import dev.opsbot.bench.internal.ThreadCpu;
import java.net.URI;
import java.nio.file.Path;
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
 * Slack's HTTP Events API under an open-loop load: signed {@code app_mention} events ({@code <@UBOT> help}, cheap
 * to answer: the point is the event path) at {@code POST /slack/events}, each with its own {@code event_id} and
 * thread, plus about 5 % sent again as Slack's retries ({@code X-Slack-Retry-Num: 1}, same {@code event_id}). The
 * ack (the HTTP answer) is timed from each request's scheduled send. Then, from the stubbed Slack Web API's journal
 * and opsbot's event ledger: every acknowledged event answered exactly once in its thread and recorded once.
 *
 * <p>opsbot runs in this JVM on a fresh H2 file database; the Slack Web API is an in-process WireMock. Like the
 * triage drivers it ends with a {@code RESULT} line saying whether the p99 target was met and exits 0 either way;
 * 1 only when an event was lost or handled twice (or the run broke). The measured 30 s follow a warm-up at the same
 * rate, 30 s unless {@code --warmup} says otherwise.
 */
public final class SlackLoad {
    private static final String USAGE = """
            usage: SlackLoad [--rate 300] [--duration 30s] [--warmup 30s] [--retry-percent 5] [--p99-target-ms 50]
                             [--max-in-flight 256] [--http-threads 2] [--stub-threads 50] [--reply-deadline 120s]
                             [--settle 2s] [--keep]
              --rate counts new events; retries come on top (at 5 %: 315 requests/s).""";
    private static final String SECRET = "bench-signing-secret";
    private static final String USER = "UALICE";
    private static final String TEXT = "help";

    private SlackLoad() {}

    public static void main(String[] argv) {
        System.exit(Drivers.run(() -> run(argv)));
    }

    /** One request: event {@code event} (a global number) sent for the first time or as a retry. */
    private record Send(int event, boolean retry) {}

    private static int run(String[] argv) throws Exception {
        Args args = Args.parse(
                argv,
                Set.of(
                        "rate",
                        "duration",
                        "warmup",
                        "retry-percent",
                        "p99-target-ms",
                        "max-in-flight",
                        "http-threads",
                        "stub-threads",
                        "reply-deadline",
                        "settle"),
                Set.of("keep"),
                USAGE);
        int rate = args.integer("rate", 300, 1, 5_000);
        Duration duration = args.duration("duration", Duration.ofSeconds(30), Duration.ofMinutes(10));
        // 30 s at full rate: the figure is for a JVM that has compiled the event path. On 2 cores the first ~20 s of
        // a cold JVM at 300 events/s are spent mostly in the JIT compiler, with acks queueing behind it; --warmup 5s
        // shows that start (docs/benchmarks.md, "Slack events").
        Duration warmup = args.duration("warmup", Duration.ofSeconds(30), Duration.ofMinutes(5));
        int retryPercent = args.integer("retry-percent", 5, 0, 50);
        int p99TargetMs = args.integer("p99-target-ms", 50, 1, 60_000);
        int maxInFlight = args.integer("max-in-flight", 256, 1, 4_096);
        int httpThreads = args.integer("http-threads", 2, 1, 64);
        int stubThreads = args.integer("stub-threads", 50, 4, 500);
        Duration replyDeadline = args.duration("reply-deadline", Duration.ofSeconds(120), Duration.ofMinutes(30));
        Duration settle = args.duration("settle", Duration.ofSeconds(2), Duration.ofMinutes(1));
        if (duration.toMillis() < 1000) {
            throw new Args.UsageException("--duration must be at least 1 s\n" + USAGE);
        }

        System.out.println("SlackLoad: " + Machine.describe());
        System.out.println("  before the run: " + Machine.load());
        Path dataDir = TempDirs.create("opsbot-slack-load-");
        long tsBase = System.currentTimeMillis() / 1000;
        String idPrefix = "EvLoad" + Long.toString(tsBase, 36) + "-";
        try (SlackWebApiStub slack = SlackWebApiStub.start(stubThreads);
                OpsbotApplication app = start(dataDir, slack)) {
            URI base = URI.create("http://127.0.0.1:" + app.port());
            System.out.println("  target: opsbot in this JVM at " + base + "/slack/events, H2 file database in "
                    + dataDir + "; Slack Web API: WireMock at " + slack.apiUrl() + " (" + stubThreads + " threads)");
            try (SignedEventSender sender = new SignedEventSender(base, SECRET, httpThreads)) {
                Map<Integer, String> acked = new HashMap<>(); // event number -> its ts, for every event acked once
                int[] next = {0};
                if (!warmup.isZero()) {
                    List<Send> plan = plan(next, rate, warmup, retryPercent);
                    AckLoop.Result warm = phase(sender, plan, warmup, maxInFlight, idPrefix, tsBase);
                    collect(plan, warm, acked, tsBase);
                    System.out.println("  warmup " + warmup.toSeconds() + " s (not in the figures): "
                            + Latencies.format(warm.fromScheduled()) + "; errors " + warm.errors());
                }
                List<Send> plan = plan(next, rate, duration, retryPercent);
                CpuMeter cpu = CpuMeter.start();
                ThreadCpu threads = ThreadCpu.start();
                AckLoop.Result measured = phase(sender, plan, duration, maxInFlight, idPrefix, tsBase);
                String cpuUse = cpu.report();
                String threadUse = threads.report(8);
                collect(plan, measured, acked, tsBase);
                long retries = plan.stream().filter(Send::retry).count();
                print(measured, rate, duration, maxInFlight, plan.size(), retries);
                System.out.println("  " + cpuUse);
                System.out.println("  this JVM: " + threadUse);

                List<String> failures = new ArrayList<>();
                if (measured.errorCount() > 0) {
                    failures.add(
                            measured.errorCount() + " requests were not acknowledged with 200: " + measured.errors());
                }
                Delivery delivery = checkDelivery(slack, app, acked, idPrefix, tsBase, next[0], replyDeadline, settle);
                failures.addAll(delivery.failures());

                double p99 = Latencies.p99Millis(measured.fromScheduled());
                failures.forEach(f -> System.out.println("FAILED: " + f));
                System.out.println(failures.isEmpty() ? "OK: all checks passed" : "NOT OK");
                System.out.printf(
                        Locale.ROOT,
                        "RESULT SlackLoad: %d events/s + %d %% retries for %d s over HTTP, ack p50 %.2f ms, p99 %.2f"
                                + " ms, max %.2f ms; %d events acked, lost %d, handled twice %d; target p99 ack < %d"
                                + " ms: %s%n",
                        rate,
                        retryPercent,
                        duration.toSeconds(),
                        measured.fromScheduled().getValueAtPercentile(50) / 1000.0,
                        p99,
                        measured.fromScheduled().getMaxValue() / 1000.0,
                        acked.size(),
                        delivery.lost(),
                        delivery.doubled(),
                        p99TargetMs,
                        p99 < p99TargetMs ? "met" : "MISSED");
                return failures.isEmpty() ? 0 : 1;
            }
        } finally {
            if (args.flag("keep")) {
                System.out.println("  kept " + dataDir);
            } else {
                TempDirs.delete(dataDir);
            }
        }
    }

    /** What the delivery check found: acked events never answered, answered more than once, and every failure. */
    private record Delivery(List<String> failures, int lost, int doubled) {}

    private static OpsbotApplication start(Path dataDir, SlackWebApiStub slack) {
        Map<String, String> env = new HashMap<>();
        env.put("OPSBOT_PORT", String.valueOf(FreePort.pick()));
        env.put("OPSBOT_DATA_DIR", dataDir.toString());
        env.put("SLACK_BOT_TOKEN", "xoxb-bench-token");
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("OPSBOT_SLACK_API_URL", slack.apiUrl());
        OpsbotConfig config = ConfigLoader.load(null, env).withDemoPeopleUnlessMapped();
        return OpsbotApplication.start(config);
    }

    /**
     * {@code rate x length} new events, and after every {@code 100 / retryPercent}-th a retry: alternately of the
     * event just before (it races the first delivery, which may still be in flight) and of the one sent about 3 s
     * earlier (Slack's own retry after a missed 3 s ack; long handled by then).
     */
    private static List<Send> plan(int[] next, int rate, Duration length, int retryPercent) {
        int events = Math.toIntExact(rate * length.toMillis() / 1000);
        int first = next[0];
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
        next[0] = first + events;
        return plan;
    }

    private static AckLoop.Result phase(
            SignedEventSender sender, List<Send> plan, Duration length, int maxInFlight, String idPrefix, long tsBase)
            throws InterruptedException {
        AckLoop loop = new AckLoop(plan.size(), length, maxInFlight, Duration.ofSeconds(30), 200);
        return loop.run(
                i -> {
                    Send s = plan.get(i);
                    String body = SignedEventSender.mention(
                            idPrefix + s.event(),
                            SlackWebApiStub.CHANNEL,
                            USER,
                            SlackWebApiStub.BOT_USER,
                            TEXT,
                            ts(tsBase, s.event()));
                    return sender.send(body, s.retry() ? 1 : 0);
                },
                i -> plan.get(i).retry());
    }

    /** Each event's own thread: a Slack ts, unique per event number. */
    private static String ts(long tsBase, int event) {
        return String.format(Locale.ROOT, "%d.%06d", tsBase + event / 1_000_000, event % 1_000_000);
    }

    private static void collect(List<Send> plan, AckLoop.Result result, Map<Integer, String> acked, long tsBase) {
        for (int i = 0; i < plan.size(); i++) {
            if (result.acked()[i]) {
                acked.put(plan.get(i).event(), ts(tsBase, plan.get(i).event()));
            }
        }
    }

    /**
     * Waits until every acked event has its reply and the ledger has nothing pending, then {@code settle} more for
     * late doubles, and checks: one {@code chat.postMessage} per acked event's thread, none in a thread no event
     * started, and one completed ledger row per acked event.
     */
    private static Delivery checkDelivery(
            SlackWebApiStub slack,
            OpsbotApplication app,
            Map<Integer, String> acked,
            String idPrefix,
            long tsBase,
            int sentEvents,
            Duration deadline,
            Duration settle)
            throws InterruptedException {
        long waitStart = System.nanoTime();
        long until = waitStart + deadline.toNanos();
        Map<String, Integer> replies = slack.repliesByThread();
        long pending = app.stores().eventLedger().countPending();
        while (System.nanoTime() < until && (unanswered(acked, replies) > 0 || pending > 0)) {
            Thread.sleep(250);
            replies = slack.repliesByThread();
            pending = app.stores().eventLedger().countPending();
        }
        double drained = (System.nanoTime() - waitStart) / 1e9;
        Thread.sleep(settle.toMillis());
        replies = slack.repliesByThread();
        pending = app.stores().eventLedger().countPending();

        List<String> failures = new ArrayList<>();
        Set<String> ourThreads = new HashSet<>();
        for (int e = 0; e < sentEvents; e++) {
            ourThreads.add(ts(tsBase, e));
        }
        int lostCount = 0;
        int doubledCount = 0;
        List<String> lostSamples = new ArrayList<>();
        List<String> doubledSamples = new ArrayList<>();
        for (Map.Entry<Integer, String> event : acked.entrySet()) {
            int n = replies.getOrDefault(event.getValue(), 0);
            if (n == 0) {
                lostCount++;
                sample(lostSamples, idPrefix + event.getKey());
            } else if (n > 1) {
                doubledCount++;
                sample(doubledSamples, idPrefix + event.getKey() + " (" + n + " replies)");
            }
        }
        int foreign = 0;
        for (Map.Entry<String, Integer> thread : replies.entrySet()) {
            if (!ourThreads.contains(thread.getKey())) {
                foreign += thread.getValue();
            }
        }
        int unackedAnswered = 0;
        for (int e = 0; e < sentEvents; e++) {
            if (!acked.containsKey(e) && replies.containsKey(ts(tsBase, e))) {
                unackedAnswered++;
            }
        }

        Map<String, Boolean> ledger = new HashMap<>(); // event_id -> completed
        int ledgerRows = 0;
        for (Record row : app.database()
                .dsl()
                .fetch("SELECT event_id, completed_at FROM inbound_event WHERE platform = ?", "slack")) {
            ledgerRows++;
            ledger.put(row.get(0, String.class), row.get(1) != null);
        }
        int notInLedger = 0;
        int notCompleted = 0;
        for (int event : acked.keySet()) {
            Boolean completed = ledger.get(idPrefix + event);
            if (completed == null) {
                notInLedger++;
            } else if (!completed) {
                notCompleted++;
            }
        }

        System.out.printf(
                Locale.ROOT,
                "  handling drained %.1f s after the last ack (+%d s settle): %d events acked (warm-up included),"
                        + " %d chat.postMessage in their threads, %d elsewhere; ledger: %d slack rows, %d pending%n",
                drained,
                settle.toSeconds(),
                acked.size(),
                replies.entrySet().stream()
                        .filter(t -> ourThreads.contains(t.getKey()))
                        .mapToInt(Map.Entry::getValue)
                        .sum(),
                foreign,
                ledgerRows,
                pending);
        System.out.printf(
                Locale.ROOT,
                "  Web API calls: users.info %d, reactions.add %d, chat.update %d, auth.test %d; unmatched %d%n",
                slack.calls("users.info"),
                slack.calls("reactions.add"),
                slack.calls("chat.update"),
                slack.calls("auth.test"),
                slack.unmatched());
        if (lostCount > 0) {
            failures.add(lostCount + " acknowledged events never answered (lost), e.g. " + lostSamples);
        }
        if (doubledCount > 0) {
            failures.add(doubledCount + " events answered more than once (handled twice), e.g. " + doubledSamples);
        }
        if (foreign > 0) {
            failures.add(foreign + " chat.postMessage calls outside every event's thread");
        }
        if (unackedAnswered > 0) {
            System.out.println("  note: " + unackedAnswered + " events whose every delivery failed were answered"
                    + " anyway (recorded before the error)");
        }
        if (notInLedger > 0 || notCompleted > 0 || ledgerRows != ledger.size()) {
            failures.add("ledger: " + notInLedger + " acked events missing, " + notCompleted + " not completed");
        }
        if (ledgerRows > sentEvents) {
            failures.add("ledger holds " + ledgerRows + " slack rows for " + sentEvents + " distinct events sent");
        }
        return new Delivery(failures, lostCount, doubledCount);
    }

    private static int unanswered(Map<Integer, String> acked, Map<String, Integer> replies) {
        int missing = 0;
        for (String ts : acked.values()) {
            if (!replies.containsKey(ts)) {
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

    private static void print(
            AckLoop.Result r, int rate, Duration duration, int maxInFlight, int requests, long retries) {
        System.out.printf(
                Locale.ROOT,
                "  measured %d s at %d events/s (open loop, at most %d in flight): %d requests (%d retries), %d acked"
                        + " (200), %d errors%n",
                duration.toSeconds(),
                rate,
                maxInFlight,
                requests,
                retries,
                requests - r.errorCount(),
                r.errorCount());
        System.out.printf(
                Locale.ROOT,
                "  achieved send rate %.1f requests/s; sender at most %.2f ms behind schedule%n",
                r.achievedRate(),
                r.maxSchedulerLagMicros() / 1000.0);
        System.out.println("  ack latency from scheduled send: " + Latencies.format(r.fromScheduled()));
        System.out.println("  ack latency from actual send:    " + Latencies.format(r.fromSent()));
        System.out.println("  retries only (from scheduled):   " + Latencies.format(r.marked()));
        for (int w = 0; w < r.windows().size(); w++) {
            long from = w * r.window().toSeconds();
            System.out.printf(
                    Locale.ROOT,
                    "    s %3d-%3d: %s%n",
                    from,
                    Math.min(duration.toSeconds(), from + r.window().toSeconds()),
                    Latencies.format(r.windows().get(w)));
        }
        if (!r.errors().isEmpty()) {
            System.out.println("  errors: " + r.errors());
            r.errorSamples().forEach(s -> System.out.println("    e.g. " + s));
        }
    }
}
