package dev.opsbot.app.config;

import java.time.Duration;

/**
 * How replicas share inbound events through the database.
 *
 * @param lease how long a replica owns an event it took; if it dies, another replica takes the event after this
 * @param recoveryInterval how often each replica looks for events whose lease ran out
 * @param maxConcurrent events one replica handles at once; more wait in the database, not in memory
 */
public record DispatcherConfig(Duration lease, Duration recoveryInterval, int maxConcurrent) {
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
    public static final Duration DEFAULT_RECOVERY_INTERVAL = Duration.ofSeconds(15);
    public static final int DEFAULT_MAX_CONCURRENT = 8;

    static final IntRule MAX_CONCURRENT = new IntRule(1, 10_000, "a number of events at once");

    public DispatcherConfig {
        lease = Checks.positive("dispatcher.lease", lease, "2m");
        recoveryInterval = Checks.positive("dispatcher.recoveryInterval", recoveryInterval, "15s");
        MAX_CONCURRENT.check("dispatcher.maxConcurrent", maxConcurrent);
    }

    public static DispatcherConfig defaults() {
        return new DispatcherConfig(DEFAULT_LEASE, DEFAULT_RECOVERY_INTERVAL, DEFAULT_MAX_CONCURRENT);
    }

    static DispatcherConfig from(ConfigNode node) {
        DispatcherConfig config = new DispatcherConfig(
                node.duration("lease", DEFAULT_LEASE),
                node.duration("recoveryInterval", DEFAULT_RECOVERY_INTERVAL),
                node.integer("maxConcurrent", DEFAULT_MAX_CONCURRENT, MAX_CONCURRENT));
        node.rejectUnknown();
        return config;
    }
}
