package dev.opsbot.bench.internal;

import dev.opsbot.app.OpsbotApplication;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A chat platform's event delivery under an open-loop load, what SlackLoad and TeamsLoad share: a warm-up, then the
 * measured phase ({@link AckLoop}: every request timed from its scheduled send to the HTTP answer), about {@code
 * retryPercent} of the events delivered again ({@link RetryPlan}), CPU by process and thread, then {@link
 * EventDelivery}: every acked event answered exactly once in its thread and recorded once. Ends with the {@code
 * RESULT} line; exit 0 whether the p99 target was met or not, 1 when an event was lost or handled twice or a
 * measured request was not acked.
 */
public final class EventLoad {
    /**
     * How the output names things.
     *
     * @param driver e.g. {@code SlackLoad}, for the {@code RESULT} line
     * @param platform the ledger's {@code inbound_event.platform}
     * @param event what one delivery is, singular ({@code event}, {@code activity}) and plural
     * @param replies opsbot's replies as the platform's API sees them ({@code chat.postMessage})
     * @param replyCalls the same as a count of calls ({@code chat.postMessage calls})
     */
    public record Names(
            String driver, String platform, String event, String events, String replies, String replyCalls) {}

    /** What differs between platforms: how a delivery is sent and where opsbot's replies are seen. */
    public interface Platform {
        /** Event {@code event}'s delivery, the first or the platform's retry: the same event id. */
        CompletableFuture<HttpResponse<String>> send(int event, boolean retry);

        /** The thread event {@code event} starts, as {@link #repliesByThread} names it. */
        String thread(int event);

        /** Event {@code event}'s {@code inbound_event.event_id}. */
        String eventId(int event);

        /** opsbot's replies so far, counted by thread. */
        Map<String, Integer> repliesByThread();

        /** One line on the platform's other API calls, printed after the delivery summary. */
        String callsReport();
    }

    /** What a driver does in its data directory: start its stubs and opsbot, then {@link #run}. */
    @FunctionalInterface
    public interface InDataDir {
        int run(Path dataDir) throws Exception;
    }

    private EventLoad() {}

    /**
     * Prints the machine and how busy it is, then runs {@code driver} in a fresh data directory ({@code
     * opsbot-<platform>-load-...}), removed afterwards unless {@code --keep}.
     */
    public static int inDataDir(Names names, EventLoadOptions options, InDataDir driver) throws Exception {
        System.out.println(names.driver() + ": " + Machine.describe());
        System.out.println("  before the run: " + Machine.load());
        Path dataDir = TempDirs.create("opsbot-" + names.platform() + "-load-");
        try {
            return driver.run(dataDir);
        } finally {
            if (options.keep()) {
                System.out.println("  kept " + dataDir);
            } else {
                TempDirs.delete(dataDir);
            }
        }
    }

    /** Where {@code app}, started in this JVM, listens. */
    public static URI base(OpsbotApplication app) {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    /** Runs the load against {@code app} (started with {@code platform}'s stubs) and reports; the exit code. */
    public static int run(Names names, EventLoadOptions options, OpsbotApplication app, Platform platform)
            throws InterruptedException {
        RetryPlan plans = new RetryPlan();
        Map<Integer, String> acked = new HashMap<>(); // event number -> its thread, for every event acked once
        if (!options.warmup().isZero()) {
            List<RetryPlan.Send> plan = plans.phase(options.rate(), options.warmup(), options.retryPercent());
            AckLoop.Result warm = phase(platform, plan, options.warmup(), options.maxInFlight());
            RetryPlan.collect(plan, warm, acked, platform::thread);
            System.out.println("  warmup " + options.warmup().toSeconds() + " s (not in the figures): "
                    + Latencies.format(warm.fromScheduled()) + "; errors " + warm.errors());
        }
        List<RetryPlan.Send> plan = plans.phase(options.rate(), options.duration(), options.retryPercent());
        CpuMeter cpu = CpuMeter.start();
        ThreadCpu threads = ThreadCpu.start();
        AckLoop.Result measured = phase(platform, plan, options.duration(), options.maxInFlight());
        String cpuUse = cpu.report();
        String threadUse = threads.report(8);
        RetryPlan.collect(plan, measured, acked, platform::thread);
        long retries = plan.stream().filter(RetryPlan.Send::retry).count();
        print(names, measured, options, plan.size(), retries);
        System.out.println("  " + cpuUse);
        System.out.println("  this JVM: " + threadUse);

        List<String> failures = new ArrayList<>();
        if (measured.errorCount() > 0) {
            failures.add(measured.errorCount() + " requests were not acknowledged with 200: " + measured.errors());
        }
        EventDelivery.Outcome delivery = new EventDelivery(names, platform, app)
                .check(acked, plans.events(), options.replyDeadline(), options.settle());
        failures.addAll(delivery.failures());

        double p99 = Latencies.p99Millis(measured.fromScheduled());
        failures.forEach(f -> System.out.println("FAILED: " + f));
        System.out.println(failures.isEmpty() ? "OK: all checks passed" : "NOT OK");
        System.out.printf(
                Locale.ROOT,
                "RESULT %s: %d %s/s + %d %% retries for %d s over HTTP, ack p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
                        + " %d %s acked, lost %d, handled twice %d; target p99 ack < %d ms: %s%n",
                names.driver(),
                options.rate(),
                names.events(),
                options.retryPercent(),
                options.duration().toSeconds(),
                measured.fromScheduled().getValueAtPercentile(50) / 1000.0,
                p99,
                measured.fromScheduled().getMaxValue() / 1000.0,
                acked.size(),
                names.events(),
                delivery.lost(),
                delivery.doubled(),
                options.p99TargetMs(),
                p99 < options.p99TargetMs() ? "met" : "MISSED");
        return failures.isEmpty() ? 0 : 1;
    }

    private static AckLoop.Result phase(Platform platform, List<RetryPlan.Send> plan, Duration length, int maxInFlight)
            throws InterruptedException {
        AckLoop loop = new AckLoop(plan.size(), length, maxInFlight, Duration.ofSeconds(30), 200);
        return loop.run(i -> platform.send(plan.get(i).event(), plan.get(i).retry()), i -> plan.get(i)
                .retry());
    }

    private static void print(Names names, AckLoop.Result r, EventLoadOptions options, int requests, long retries) {
        Duration duration = options.duration();
        System.out.printf(
                Locale.ROOT,
                "  measured %d s at %d %s/s (open loop, at most %d in flight): %d requests (%d retries), %d acked"
                        + " (200), %d errors%n",
                duration.toSeconds(),
                options.rate(),
                names.events(),
                options.maxInFlight(),
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
        LoadReport.windows(r.windows(), r.window(), duration);
        LoadReport.errors(r.errors(), r.errorSamples());
    }
}
