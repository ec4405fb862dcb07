package dev.opsbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.BenchIdentity;
import dev.opsbot.bench.internal.CloudWatchStubServer;
import dev.opsbot.bench.internal.CpuMeter;
import dev.opsbot.bench.internal.Drivers;
import dev.opsbot.bench.internal.Machine;
import dev.opsbot.bench.internal.OffsetClock;
import dev.opsbot.bench.internal.StsStubServer;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.triage.SignalName;
import dev.opsbot.identity.sts.StsCredentialBroker;
import dev.opsbot.identity.sts.StsSettings;
import dev.opsbot.tools.cloudwatch.CloudWatchConnection;
import dev.opsbot.tools.cloudwatch.CloudWatchDefaults;
import dev.opsbot.tools.cloudwatch.CloudWatchSignals;
import dev.opsbot.tools.cloudwatch.GetSignalTool;
import dev.opsbot.tools.cloudwatch.TemplateVariables;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The credential cache's single flight, on the production path: {@code --calls} (100) concurrent
 * {@code cloudwatch.get_signal} tool calls of one request, on virtual threads released together, each taking the
 * person's credentials through {@code CloudWatchConnection.personsSession()} -> {@code ToolContext.cloud()} (from a
 * real {@link Acting} over the production resolver) -> {@link StsCredentialBroker} -> STS, then signing its
 * {@code GetMetricData} with them. STS and CloudWatch are WireMock servers in this JVM; STS answers after
 * {@code --sts-delay} (150 ms) so that the calls overlap it. After the warm-up, {@code --cycles} (3) times, each a
 * request in a thread of its own, three rounds: the cache empty (one AssumeRole expected), the session cached (none),
 * and after the broker's clock passed expiry - refresh margin (one more). Every GetMetricData must carry the
 * session's token ({@code X-Amz-Security-Token}) and access key. Each call's credential lookup is timed around the
 * production {@code personsSession()} function; the thread that wrote the audit record is the one that called STS.
 */
public final class CredentialSingleFlight {
    private static final String USAGE = """
            usage: CredentialSingleFlight [--calls 100] [--sts-delay 150ms] [--warmup 2] [--cycles 3]
                                          [--lookup-target 1ms]
              In this JVM: WireMock as STS (AssumeRole answered after --sts-delay) and as CloudWatch (GetMetricData),
              the production broker, resolver and CloudWatch tool. --warmup rounds (each in a thread of its own),
              then --cycles times (each a request in a thread of its own) three rounds of --calls concurrent tool
              calls for one person in that request: cache empty, cached, and after the broker's clock passed expiry -
              refresh margin.
              Targets: exactly 1, 0 and 1 AssumeRole calls in the three rounds of every cycle; the cached rounds'
              credential lookups p99 < --lookup-target. Exit 0 when every check passed (met or MISSED is in the
              RESULT lines), 1 when a tool call failed, a GetMetricData was not signed with the person's session, or
              the run broke.""";

    private static final String SIGNAL = SignalName.MEMORY_VS_LIMIT.jsonName();

    /** The credential lookup of the tool call running on this (virtual) thread: start and end, nanoTime. */
    private static final ThreadLocal<long[]> LOOKUP = new ThreadLocal<>();

    private CredentialSingleFlight() {}

    public static void main(String[] argv) {
        System.exit(Drivers.run(() -> run(argv)));
    }

    /** One tool call: when it ran, its credential lookup, its result. */
    record Call(long startNanos, long endNanos, long lookupStart, long lookupEnd, ToolResult result) {
        double lookupMillis() {
            return (lookupEnd - lookupStart) / 1e6;
        }

        double millis() {
            return (endNanos - startNanos) / 1e6;
        }
    }

    /** One round's figures. */
    record Round(String name, int expectedSts, int sts, double wallMillis, Call leader, List<Call> others) {}

    private static int run(String[] argv) throws Exception {
        Args args =
                Args.parse(argv, Set.of("calls", "sts-delay", "warmup", "cycles", "lookup-target"), Set.of(), USAGE);
        int calls = args.integer("calls", 100, 1, 10_000);
        int delay = (int) args.duration("sts-delay", Duration.ofMillis(150), Duration.ofSeconds(4))
                .toMillis();
        int warmup = args.integer("warmup", 2, 0, 100);
        int cycles = args.integer("cycles", 3, 1, 100);
        Duration lookupTarget = args.duration("lookup-target", Duration.ofMillis(1), Duration.ofMinutes(1));
        for (String property : List.of("http.proxyHost", "https.proxyHost")) {
            if (System.getProperty(property) != null) {
                throw new IllegalStateException("-D" + property + " is set; run without it (loopback only)");
            }
        }

        System.out.println("CredentialSingleFlight: " + Machine.describe());
        System.out.println("  before the run: " + Machine.load());
        StsSettings settings = StsSettings.defaults();
        OffsetClock clock = new OffsetClock();
        var audit = new BenchIdentity.RecordingAuditLog();
        List<String> failures = new ArrayList<>();
        List<Round> measured = new ArrayList<>();
        Function<ToolContext, AwsCredentialsProvider> production = CloudWatchConnection.personsSession();
        Function<ToolContext, AwsCredentialsProvider> timed = context -> {
            long start = System.nanoTime();
            try {
                return production.apply(context);
            } finally {
                LOOKUP.set(new long[] {start, System.nanoTime()});
            }
        };
        try (StsStubServer sts = StsStubServer.start(delay);
                CloudWatchStubServer cloudWatch = CloudWatchStubServer.start(Math.max(32, calls + 16), SIGNAL);
                StsClient stsClient = sts.client();
                CloudWatchConnection connection =
                        new CloudWatchConnection(Region.EU_WEST_1, cloudWatch.uri(), cloudWatch.uri(), timed)) {
            var broker = new StsCredentialBroker(stsClient, audit, clock, settings);
            Acting acting = BenchIdentity.acting(broker, clock);
            GetSignalTool tool = new GetSignalTool(new CloudWatchSignals(
                    connection,
                    CloudWatchDefaults.signals(),
                    TemplateVariables.common(
                            Map.of("cluster", "prod-eu-1", "targetGroup", "targetgroup/checkout/0123abcd"))));
            JsonNode arguments = new ObjectMapper()
                    .createObjectNode()
                    .put("signal", SIGNAL)
                    .put("service", "checkout")
                    .put("namespace", "shop")
                    .put("minutes", 60);
            System.out.printf(
                    Locale.ROOT,
                    "  STS (WireMock, AssumeRole after %d ms) %s; CloudWatch (WireMock, GetMetricData) %s; read"
                            + " sessions %s, replaced %s before they end%n",
                    delay,
                    sts.url(),
                    cloudWatch.uri(),
                    settings.readDuration(),
                    settings.refreshMargin());
            System.out.printf(
                    Locale.ROOT,
                    "  each round: %d virtual threads released by one latch, each calling cloudwatch.get_signal %s%n",
                    calls,
                    arguments);

            Bench bench = new Bench(tool, arguments, calls, sts, cloudWatch, audit, failures);
            int sessions = 0;
            for (int i = 1; i <= warmup; i++) {
                Session session = issue(sts, clock, settings, ++sessions);
                ToolContext context = context(acting, "1700000000.00010" + i, "Ev0WARMUP000" + i);
                round(bench, "warm-up " + i + " (a thread of its own)", context, 1, session);
            }
            CpuMeter cpu = CpuMeter.start();
            for (int c = 1; c <= cycles; c++) {
                String thread = String.format(Locale.ROOT, "1700000000.%06d", 200 + c);
                ToolContext request = context(acting, thread, String.format(Locale.ROOT, "Ev0INCIDENT%04d", c));
                String cycle = cycles > 1 ? "cycle " + c + ": " : "";
                Session session = issue(sts, clock, settings, ++sessions);
                measured.add(round(bench, cycle + "cache empty", request, 1, session));
                measured.add(round(bench, cycle + "cached", request, 0, session));
                Duration jump =
                        settings.readDuration().minus(settings.refreshMargin()).plusSeconds(1);
                clock.advance(jump);
                System.out.printf(
                        Locale.ROOT,
                        "%n  broker clock advanced by %s: the cached session now ends within the %s margin%n",
                        jump,
                        settings.refreshMargin());
                session = issue(sts, clock, settings, ++sessions);
                measured.add(round(bench, cycle + "after expiry - margin", request, 1, session));
            }
            System.out.println("  " + cpu.report());
        }

        if (failures.isEmpty()) {
            boolean met = measured.stream().allMatch(r -> r.sts() == r.expectedSts());
            List<String> counts = new ArrayList<>();
            List<String> walls = new ArrayList<>();
            for (int i = 0; i < measured.size(); i += 3) {
                counts.add(measured.get(i).sts() + ", " + measured.get(i + 1).sts() + ", "
                        + measured.get(i + 2).sts());
                walls.add(String.format(
                        Locale.ROOT,
                        "%.0f/%.0f/%.0f",
                        measured.get(i).wallMillis(),
                        measured.get(i + 1).wallMillis(),
                        measured.get(i + 2).wallMillis()));
            }
            System.out.printf(
                    Locale.ROOT,
                    "%nRESULT CredentialSingleFlight: %d concurrent tool calls for one person, STS answering in %d ms:"
                            + " AssumeRole calls with the cache empty, cached, after expiry - margin: %s (%d cycles;"
                            + " the %d calls took %s ms); target exactly 1, 0, 1: %s%n",
                    calls,
                    delay,
                    String.join("; ", counts),
                    cycles,
                    calls,
                    String.join("; ", walls),
                    met ? "met" : "MISSED");
            List<Double> hits = new ArrayList<>();
            List<Double> waiters = new ArrayList<>();
            for (Round round : measured) {
                List<Double> lookups = round.expectedSts() == 0 ? hits : waiters;
                if (round.leader() != null && round.expectedSts() == 0) {
                    hits.add(round.leader().lookupMillis());
                }
                round.others().forEach(call -> lookups.add(call.lookupMillis()));
            }
            hits.sort(Comparator.naturalOrder());
            waiters.sort(Comparator.naturalOrder());
            double target = lookupTarget.toNanos() / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "RESULT CredentialSingleFlight: credential lookup in the tool call, cached rounds (%d calls): p50"
                            + " %.1f µs, p99 %.1f µs, max %.1f µs; waiters of the STS rounds (%d calls): p50 %.1f ms,"
                            + " p99 %.1f ms; target cached p99 < %.0f µs: %s%n",
                    hits.size(),
                    rank(hits, 50) * 1000,
                    rank(hits, 99) * 1000,
                    hits.getLast() * 1000,
                    waiters.size(),
                    rank(waiters, 50),
                    rank(waiters, 99),
                    target * 1000,
                    rank(hits, 99) < target ? "met" : "MISSED");
        }
        failures.forEach(f -> System.out.println("FAILED: " + f));
        return failures.isEmpty() ? 0 : 1;
    }

    /** The context of one request: alice asking in {@code thread}, resolved by {@link Acting} as in production. */
    private static ToolContext context(Acting acting, String thread, String eventId) {
        if (!(acting.forRead(BenchIdentity.question(thread, eventId)) instanceof Acting.Outcome.As as)) {
            throw new IllegalStateException("alice was not resolved by the mapping resolver");
        }
        return ToolContext.of(as.principal(), as.cloud(), Duration.ofSeconds(60), Clock.systemUTC());
    }

    /** What every round uses. */
    record Bench(
            GetSignalTool tool,
            JsonNode arguments,
            int calls,
            StsStubServer sts,
            CloudWatchStubServer cloudWatch,
            BenchIdentity.RecordingAuditLog audit,
            List<String> failures) {}

    /** The session STS hands out from now on. */
    record Session(String key, String token) {}

    /** Sets the session STS answers with from now on: number {@code n}, ending a read session's length from now. */
    private static Session issue(StsStubServer sts, Clock clock, StsSettings settings, int n) {
        var session = new Session(
                String.format(Locale.ROOT, "ASIABENCHEXAMPLE%04d", n),
                String.format(Locale.ROOT, "FwoGZXIvYXdzEBenchSessionToken%04d==", n));
        sts.issue(session.key(), session.token(), clock.instant().plus(settings.readDuration()));
        return session;
    }

    private static Round round(Bench bench, String name, ToolContext context, int expectedSts, Session session)
            throws Exception {
        GetSignalTool tool = bench.tool();
        JsonNode arguments = bench.arguments();
        int calls = bench.calls();
        StsStubServer sts = bench.sts();
        CloudWatchStubServer cloudWatch = bench.cloudWatch();
        BenchIdentity.RecordingAuditLog audit = bench.audit();
        List<String> failures = bench.failures();
        String key = session.key();
        String token = session.token();
        sts.resetJournal();
        cloudWatch.resetJournal();
        audit.drain();
        CountDownLatch ready = new CountDownLatch(calls);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Call>> futures = new ArrayList<>();
        Map<Thread, Integer> threads = new ConcurrentHashMap<>();
        long released;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                int index = i;
                futures.add(executor.submit(() -> {
                    threads.put(Thread.currentThread(), index);
                    ready.countDown();
                    go.await();
                    long start = System.nanoTime();
                    ToolResult result = tool.call(context, arguments);
                    long end = System.nanoTime();
                    long[] lookup = LOOKUP.get();
                    LOOKUP.remove();
                    return new Call(start, end, lookup == null ? 0 : lookup[0], lookup == null ? 0 : lookup[1], result);
                }));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + ": the " + calls + " threads did not start within 30 s");
            }
            released = System.nanoTime();
            go.countDown();
        }
        List<Call> done = new ArrayList<>();
        for (Future<Call> future : futures) {
            done.add(future.get());
        }
        double wall = (done.stream().mapToLong(Call::endNanos).max().orElse(released) - released) / 1e6;

        // the thread that recorded the grant is the one that called STS: the flight's leader
        List<BenchIdentity.RecordingAuditLog.Recorded> recorded = audit.drain();
        List<BenchIdentity.RecordingAuditLog.Recorded> grants = recorded.stream()
                .filter(r -> r.event() instanceof AuditEvent.ElevationGranted)
                .toList();
        Call leader = null;
        long flightEnd = Long.MIN_VALUE;
        if (grants.size() == 1) {
            Integer index = threads.get(grants.getFirst().thread());
            if (index != null) {
                leader = done.get(index);
                flightEnd = grants.getFirst().nanos();
            }
        }
        List<Call> others = new ArrayList<>();
        for (Call call : done) {
            if (call != leader) {
                others.add(call);
            }
        }

        int stsCalls = sts.assumeRoleCalls().size();
        List<LoggedRequest> reads = cloudWatch.getMetricDataCalls();
        checks(name, done, reads, recorded, grants, stsCalls, key, token, sts, cloudWatch, calls, failures);

        System.out.printf(
                Locale.ROOT,
                "%n  round \"%s\": %d tool calls in %.1f ms (latch release -> last answer)%n",
                name,
                calls,
                wall);
        System.out.printf(
                Locale.ROOT,
                "    AssumeRole calls: %d (expected %d: %s); audit grants: %d; GetMetricData: %d, signed with session"
                        + " key %s: %d, carrying its X-Amz-Security-Token: %d%n",
                stsCalls,
                expectedSts,
                stsCalls == expectedSts ? "met" : "MISSED",
                grants.size(),
                reads.size(),
                key,
                reads.stream().filter(r -> signedWith(r, key)).count(),
                reads.stream()
                        .filter(r -> token.equals(r.getHeader("X-Amz-Security-Token")))
                        .count());
        if (leader != null) {
            long flightDone = flightEnd;
            long joined =
                    others.stream().filter(c -> c.lookupStart() < flightDone).count();
            System.out.printf(
                    Locale.ROOT,
                    "    credential lookup: the leader (the call that asked STS) %.1f ms; the %d others %s (%d"
                            + " started while the STS call was under way and waited for it, %d after)%n",
                    leader.lookupMillis(),
                    others.size(),
                    format(others.stream().map(Call::lookupMillis).toList()),
                    joined,
                    others.size() - joined);
            System.out.printf(
                    Locale.ROOT,
                    "    the waiters got the session after the leader recorded it: %s%n",
                    format(others.stream()
                            .filter(c -> c.lookupStart() < flightDone)
                            .map(c -> (c.lookupEnd() - flightDone) / 1e6)
                            .toList()));
        } else {
            System.out.printf(
                    Locale.ROOT,
                    "    credential lookup (no STS call: all hits): %s%n",
                    format(done.stream().map(Call::lookupMillis).toList()));
        }
        System.out.printf(
                Locale.ROOT,
                "    whole tool call (lookup, GetMetricData, parsing): %s%n",
                format(done.stream().map(Call::millis).toList()));
        long firstLookup = done.stream().mapToLong(Call::lookupStart).min().orElse(released);
        long lastLookup = done.stream().mapToLong(Call::lookupStart).max().orElse(released);
        System.out.printf(
                Locale.ROOT,
                "    lookups began %.2f - %.2f ms after the release%n",
                (firstLookup - released) / 1e6,
                (lastLookup - released) / 1e6);
        return new Round(name, expectedSts, stsCalls, wall, leader, others);
    }

    private static void checks(
            String name,
            List<Call> done,
            List<LoggedRequest> reads,
            List<BenchIdentity.RecordingAuditLog.Recorded> recorded,
            List<BenchIdentity.RecordingAuditLog.Recorded> grants,
            int stsCalls,
            String key,
            String token,
            StsStubServer sts,
            CloudWatchStubServer cloudWatch,
            int calls,
            List<String> failures) {
        for (Call call : done) {
            if (!(call.result() instanceof ToolResult.Success success)) {
                failures.add(name + ": a tool call answered " + call.result());
                break;
            }
            if (!success.data().path("series").path(0).path("sampleCount").isNumber()
                    || success.data().path("series").path(0).path("sampleCount").asInt() != 60) {
                failures.add(name + ": a tool call's answer is not the stubbed series: " + success.summary());
                break;
            }
        }
        if (done.stream().anyMatch(c -> c.lookupStart() == 0)) {
            failures.add(name + ": a tool call never asked for credentials");
        }
        if (reads.size() != calls) {
            failures.add(name + ": " + reads.size() + " GetMetricData requests for " + calls + " tool calls");
        }
        long unsigned = reads.stream()
                .filter(r -> !token.equals(r.getHeader("X-Amz-Security-Token")) || !signedWith(r, key))
                .count();
        if (unsigned > 0) {
            failures.add(name + ": " + unsigned + " GetMetricData requests did not carry the session (key " + key
                    + ", its X-Amz-Security-Token)");
        }
        if (grants.size() != stsCalls || recorded.size() != grants.size()) {
            failures.add(name + ": " + stsCalls + " AssumeRole calls but " + grants.size() + " grants and "
                    + (recorded.size() - grants.size()) + " refusals in the audit log");
        }
        int strays = sts.requests() - stsCalls + cloudWatch.requests() - reads.size();
        if (strays != 0) {
            failures.add(name + ": " + strays + " requests the stubs did not expect");
        }
    }

    private static boolean signedWith(LoggedRequest request, String key) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.contains("Credential=" + key + "/");
    }

    /** "p50 0.012 ms, p99 0.150 ms, max 0.300 ms (min 0.004, n=99)". */
    private static String format(List<Double> millis) {
        if (millis.isEmpty()) {
            return "none";
        }
        List<Double> sorted = millis.stream().sorted().toList();
        return String.format(
                Locale.ROOT,
                "p50 %.3f ms, p99 %.3f ms, max %.3f ms (min %.3f, n=%d)",
                rank(sorted, 50),
                rank(sorted, 99),
                sorted.getLast(),
                sorted.getFirst(),
                sorted.size());
    }

    /** Nearest rank: a value that was measured. */
    private static double rank(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
