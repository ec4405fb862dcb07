package dev.opsbot.bench.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line every chat-platform event load shares ({@link EventLoad}: SlackLoad, TeamsLoad).
 *
 * @param rate new events per second; retries come on top
 * @param warmup the same load before the measured {@code duration}, checked but not in the figures
 * @param retryPercent how many events are delivered a second time, as the platform's retry
 * @param maxInFlight outstanding requests at most; waiting for a slot counts as latency
 * @param httpThreads the sender's HTTP client threads
 * @param replyDeadline how long opsbot may take to answer every acked event after the last ack
 * @param settle how long to wait after that for late doubles
 * @param keep keep the data directory (H2 database, configuration)
 */
public record EventLoadOptions(
        int rate,
        Duration duration,
        Duration warmup,
        int retryPercent,
        int p99TargetMs,
        int maxInFlight,
        int httpThreads,
        Duration replyDeadline,
        Duration settle,
        boolean keep) {
    /** The options taking a value, for {@link Args#parse}. */
    public static final Set<String> OPTIONS = Set.of(
            "rate",
            "duration",
            "warmup",
            "retry-percent",
            "p99-target-ms",
            "max-in-flight",
            "http-threads",
            "reply-deadline",
            "settle");

    public static final Set<String> FLAGS = Set.of("keep");

    /** {@link #OPTIONS} and a driver's own. */
    public static Set<String> optionsAnd(String... own) {
        Set<String> all = new HashSet<>(OPTIONS);
        all.addAll(List.of(own));
        return all;
    }

    /** @param defaultRate the platform figure's rate, what {@code --rate} defaults to */
    public static EventLoadOptions from(Args args, int defaultRate, String usage) {
        int rate = args.integer("rate", defaultRate, 1, 5_000);
        Duration duration = args.duration("duration", Duration.ofSeconds(30), Duration.ofMinutes(10));
        // 30 s at full rate: the figure is for a JVM that has compiled the event path. On 2 cores the first ~20 s of
        // a cold JVM at 300 events/s are spent mostly in the JIT compiler, with acks queueing behind it; --warmup 5s
        // shows that start (docs/benchmarks.md, "Slack events").
        Duration warmup = args.duration("warmup", Duration.ofSeconds(30), Duration.ofMinutes(5));
        int retryPercent = args.integer("retry-percent", 5, 0, 50);
        int p99TargetMs = args.integer("p99-target-ms", 50, 1, 60_000);
        int maxInFlight = args.integer("max-in-flight", 256, 1, 4_096);
        int httpThreads = args.integer("http-threads", 2, 1, 64);
        Duration replyDeadline = args.duration("reply-deadline", Duration.ofSeconds(120), Duration.ofMinutes(30));
        Duration settle = args.duration("settle", Duration.ofSeconds(2), Duration.ofMinutes(1));
        if (duration.toMillis() < 1000) {
            throw new Args.UsageException("--duration must be at least 1 s\n" + usage);
        }
        return new EventLoadOptions(
                rate,
                duration,
                warmup,
                retryPercent,
                p99TargetMs,
                maxInFlight,
                httpThreads,
                replyDeadline,
                settle,
                args.flag("keep"));
    }
}
