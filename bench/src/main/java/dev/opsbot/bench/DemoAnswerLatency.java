package dev.opsbot.bench;

import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.ConsoleClient;
import dev.opsbot.bench.internal.CpuMeter;
import dev.opsbot.bench.internal.DemoProcess;
import dev.opsbot.bench.internal.Drivers;
import dev.opsbot.bench.internal.FreePort;
import dev.opsbot.bench.internal.Machine;
import dev.opsbot.bench.internal.Percentiles;
import dev.opsbot.bench.internal.Readiness;
import dev.opsbot.bench.internal.Repo;
import dev.opsbot.bench.internal.TempDirs;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's headline: a person asks "@opsbot why is checkout 5xx?" in the web console and sees the answer. Starts
 * the real {@code ./opsbot demo} (fresh data dir, free port), asks the question in the scenario's channel as alice,
 * one question at a time, each in a new thread, and polls the thread until it holds the question, the finished
 * progress line and the answer. Measures from just before the POST to the first poll that shows the progress line,
 * and to the first poll that shows the answer.
 */
public final class DemoAnswerLatency {
    private static final String USAGE = """
            usage: DemoAnswerLatency [--questions 20] [--warmup 2] [--poll 10ms] [--deadline 30s] [--target 2s]
                                     [--channel inc-checkout] [--user alice] [--text "@opsbot why is checkout 5xx?"]
                                     [--root DIR] [--java-opts "..."] [--keep]
              Starts ./opsbot demo --port <free> on a fresh data dir, waits for /readyz, asks the question --warmup
              times unmeasured, then --questions times, one after the other, each in a new thread; polls
              GET /api/console/threads/{thread} every --poll until the answer (text containing "oom") is there.
              Target: answer p90 < --target. Exit 0 when the answers came (met or MISSED is in the RESULT line),
              1 when a question got no answer, a wrong one, or the demo failed.
              Build the jar first: %s""".formatted(Repo.BUILD_COMMAND);
    static final String PROGRESS_DONE = ":white_check_mark: Investigated";
    /** What InvestigateHandler posts instead of an answer when triage failed or did not know the service. */
    private static final List<String> FAILURE_MARKS = List.of(":warning:", ":grey_question:");

    private DemoAnswerLatency() {}

    public static void main(String[] argv) {
        System.exit(Drivers.run(() -> run(argv)));
    }

    /** One question's timeline, in ms from just before its POST; -1 when not seen. */
    record Asked(
            String thread,
            double accepted,
            double progress,
            double answer,
            double done,
            double serverAnswer,
            double investigated) {}

    /** "... Investigated *checkout* in 620 ms (4 sources)" or "in 1.2 s (...)": opsbot's own measure. */
    private static final Pattern INVESTIGATED_IN = Pattern.compile(" in ([0-9.]+) (ms|s) \\(");

    private static int run(String[] argv) throws Exception {
        Args args = Args.parse(
                argv,
                Set.of(
                        "questions",
                        "warmup",
                        "poll",
                        "deadline",
                        "target",
                        "channel",
                        "user",
                        "text",
                        "root",
                        "java-opts"),
                Set.of("keep"),
                USAGE);
        int questions = args.integer("questions", 20, 1, 1_000);
        int warmup = args.integer("warmup", 2, 0, 100);
        Duration poll = args.duration("poll", Duration.ofMillis(10), Duration.ofSeconds(1));
        Duration deadline = args.duration("deadline", Duration.ofSeconds(30), Duration.ofMinutes(5));
        Duration target = args.duration("target", Duration.ofSeconds(2), Duration.ofMinutes(5));
        String channel = args.text("channel", "inc-checkout");
        String user = args.text("user", "alice");
        String text = args.text("text", "@opsbot why is checkout 5xx?");
        Repo repo = Repo.locate(args.text("root", null));
        repo.requireFreshJar();

        System.out.println("DemoAnswerLatency: " + Machine.describe());
        System.out.println("  before the run: " + Machine.load());
        boolean training = args.text("java-opts", null) == null
                && repo.cdsArchive().map(a -> !java.nio.file.Files.exists(a)).orElse(false);
        Path data = TempDirs.create("opsbot-answer-data-");
        Path log = TempDirs.create("opsbot-answer-log-").resolve("demo.log");
        DemoProcess demo = DemoProcess.start(repo, FreePort.pick(), data, log, args.text("java-opts", null));
        List<String> failures = new ArrayList<>();
        String result = null;
        try {
            long ready = Readiness.awaitReady(demo.port(), Duration.ofMillis(20), Duration.ofSeconds(60), demo::alive);
            if (ready < 0) {
                throw new IllegalStateException("demo not ready within 60 s; output:\n" + demo.output());
            }
            System.out.printf(
                    Locale.ROOT,
                    "  ./opsbot demo ready after %.0f ms%s (pid %d, %s)%n",
                    (ready - demo.startedNanos()) / 1e6,
                    training ? " (including the launcher's one-off class-data-sharing training start)" : "",
                    demo.pid(),
                    args.text("java-opts", null) == null
                            ? "launcher's JVM options"
                            : "OPSBOT_JAVA_OPTS=" + args.text("java-opts", null));
            try (ConsoleClient client = new ConsoleClient(URI.create("http://127.0.0.1:" + demo.port()), 2)) {
                System.out.printf(
                        Locale.ROOT,
                        "  asking \"%s\" in #%s as %s: %d warm-up (not counted), then %d, one at a time, new thread"
                                + " each; polled every %d ms%n",
                        text,
                        channel,
                        user,
                        warmup,
                        questions,
                        poll.toMillis());
                for (int i = 0; i < warmup; i++) {
                    Asked asked = ask(client, channel, user, text, poll, deadline, failures, null);
                    if (asked == null) {
                        break;
                    }
                    System.out.printf(Locale.ROOT, "    warm-up %d: answer after %.0f ms%n", i + 1, asked.answer());
                }
                List<Asked> measured = new ArrayList<>();
                String[] firstAnswer = new String[2];
                CpuMeter cpu = CpuMeter.start(demo.pid());
                for (int i = 0; i < questions && failures.isEmpty(); i++) {
                    Asked asked = ask(client, channel, user, text, poll, deadline, failures, firstAnswer);
                    if (asked != null) {
                        measured.add(asked);
                    }
                }
                String cpuUse = cpu.report();
                if (!measured.isEmpty()) {
                    report(measured, firstAnswer, cpuUse, target);
                }
                if (failures.isEmpty() && measured.size() == questions) {
                    Percentiles answer =
                            Percentiles.of(measured.stream().map(Asked::answer).toList());
                    boolean met = answer.p90() < target.toMillis();
                    result = String.format(
                            Locale.ROOT,
                            "RESULT DemoAnswerLatency: question posted -> answer seen p90 %.0f ms (p50 %.0f, max %.0f,"
                                    + " n=%d); target p90 < %d ms: %s",
                            answer.p90(),
                            answer.p50(),
                            answer.max(),
                            answer.n(),
                            target.toMillis(),
                            met ? "met" : "MISSED");
                }
            }
        } finally {
            DemoProcess.Stopped stopped = demo.stop(Duration.ofSeconds(30));
            System.out.println("  demo stopped: exit " + stopped.exitCode() + " after "
                    + stopped.took().toMillis() + " ms");
            if (args.flag("keep") || !failures.isEmpty()) {
                System.out.println("  demo output: " + log);
            } else {
                TempDirs.delete(log.getParent());
            }
            TempDirs.delete(data);
        }
        failures.forEach(f -> System.out.println("FAILED: " + f));
        if (result != null) {
            System.out.println(result);
        }
        return failures.isEmpty() ? 0 : 1;
    }

    /**
     * Posts the question in a new thread and polls it until opsbot has answered and finished its progress line.
     * Returns null (and adds to {@code failures}) when the answer does not come, is a failure message, or is not oom.
     * {@code firstAnswer} (answer text, final progress line), when given and still empty, is filled in.
     */
    private static Asked ask(
            ConsoleClient client,
            String channel,
            String user,
            String text,
            Duration poll,
            Duration deadline,
            List<String> failures,
            String[] firstAnswer)
            throws Exception {
        long sent = System.nanoTime();
        HttpResponse<String> response = client.post(channel, user, text, null).get();
        double accepted = ms(sent);
        if (response.statusCode() != 202) {
            failures.add("POST answered HTTP " + response.statusCode() + ": " + response.body());
            return null;
        }
        String thread = ConsoleClient.posted(response).thread();
        double progress = -1;
        double answer = -1;
        long giveUp = sent + deadline.toNanos();
        while (true) {
            long attempt = System.nanoTime();
            List<ConsoleClient.Message> messages = client.thread(thread).orElse(List.of());
            double seen = ms(sent);
            List<ConsoleClient.Message> bot = messages.stream()
                    .filter(m -> m.user().equals(ConsoleClient.BOT_USER))
                    .toList();
            Optional<ConsoleClient.Message> status = bot.stream().findFirst();
            Optional<ConsoleClient.Message> reply = bot.stream().skip(1).findFirst();
            if (status.isPresent() && progress < 0) {
                progress = seen;
            }
            if (status.isPresent()
                    && FAILURE_MARKS.stream().anyMatch(status.get().text()::startsWith)) {
                failures.add("thread " + thread + ": opsbot answered with a failure: "
                        + status.get().text());
                return null;
            }
            if (reply.isPresent() && answer < 0) {
                if (!reply.get().text().toLowerCase(Locale.ROOT).contains("oom")) {
                    failures.add("thread " + thread + ": the answer is not oom: "
                            + reply.get().text());
                    return null;
                }
                answer = seen;
            }
            if (answer >= 0 && status.get().text().startsWith(PROGRESS_DONE)) {
                if (messages.size() != 3) {
                    failures.add("thread " + thread + " holds " + messages.size()
                            + " messages, want 3 (question, progress, answer): " + messages);
                    return null;
                }
                if (firstAnswer != null && firstAnswer[0] == null) {
                    firstAnswer[0] = reply.get().text();
                    firstAnswer[1] = status.get().text();
                }
                ConsoleClient.Message question = messages.getFirst();
                double server = question.ts() == null || reply.get().ts() == null
                        ? -1
                        : Duration.between(question.ts(), reply.get().ts()).toNanos() / 1e6;
                Matcher took = INVESTIGATED_IN.matcher(status.get().text());
                double investigated = !took.find()
                        ? -1
                        : Double.parseDouble(took.group(1)) * (took.group(2).equals("s") ? 1000 : 1);
                return new Asked(thread, accepted, progress, answer, seen, server, investigated);
            }
            if (System.nanoTime() > giveUp) {
                failures.add("thread " + thread + ": no finished answer within " + deadline.toSeconds()
                        + " s; it holds " + messages);
                return null;
            }
            LockSupport.parkNanos(Math.max(0, attempt + poll.toNanos() - System.nanoTime()));
        }
    }

    private static void report(List<Asked> measured, String[] firstAnswer, String cpuUse, Duration target) {
        System.out.println("  per question (ms from just before the POST): accepted / progress seen / answer seen /"
                + " progress done; stored question -> stored answer");
        for (int i = 0; i < measured.size(); i++) {
            Asked a = measured.get(i);
            System.out.printf(
                    Locale.ROOT,
                    "    %2d: %5.0f / %5.0f / %5.0f / %5.0f; %5.0f%n",
                    i + 1,
                    a.accepted(),
                    a.progress(),
                    a.answer(),
                    a.done(),
                    a.serverAnswer());
        }
        System.out.println("  POST -> 202:                       "
                + Percentiles.of(measured.stream().map(Asked::accepted).toList())
                        .format());
        System.out.println("  posted -> progress line seen:      "
                + Percentiles.of(measured.stream().map(Asked::progress).toList())
                        .format());
        System.out.println("  posted -> answer seen:             "
                + Percentiles.of(measured.stream().map(Asked::answer).toList()).format() + "  (target p90 < "
                + target.toMillis() + " ms)");
        System.out.println("  posted -> progress marked done:    "
                + Percentiles.of(measured.stream().map(Asked::done).toList()).format());
        System.out.println("  stored question -> stored answer:  "
                + Percentiles.of(measured.stream()
                                .map(Asked::serverAnswer)
                                .filter(v -> v >= 0)
                                .toList())
                        .format() + "  (opsbot's own timestamps, no polling)");
        System.out.println("  'Investigated in' (progress line):  "
                + Percentiles.of(measured.stream()
                                .map(Asked::investigated)
                                .filter(v -> v >= 0)
                                .toList())
                        .format() + "  (opsbot's: triage, rendering and posting the answer)");
        if (firstAnswer[0] != null) {
            System.out.println("  answer (first line): "
                    + firstAnswer[0].lines().findFirst().orElse(""));
            System.out.println("  progress line (question 1): " + firstAnswer[1]);
        }
        System.out.println("  " + cpuUse);
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }
}
