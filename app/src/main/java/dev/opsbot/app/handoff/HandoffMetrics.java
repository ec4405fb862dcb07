package dev.opsbot.app.handoff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code opsbot_handoff_posted_total{channel}}, {@code opsbot_handoff_failed_total{channel}} (composing or posting
 * failed; the slot is tried again) and {@code opsbot_handoff_skipped_total{channel}} (slots more than an hour late,
 * not posted). Channels come from the configuration, so the tag's values are few.
 */
public final class HandoffMetrics {
    private final MeterRegistry registry;

    public HandoffMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void posted(String channel) {
        counter("opsbot.handoff.posted", "scheduled handoffs posted", channel).increment();
    }

    void failed(String channel) {
        counter("opsbot.handoff.failed", "scheduled handoffs that could not be composed or posted", channel)
                .increment();
    }

    void skipped(String channel, int slots) {
        counter("opsbot.handoff.skipped", "scheduled handoffs not posted because they were too late", channel)
                .increment(slots);
    }

    private Counter counter(String name, String description, String channel) {
        return Counter.builder(name)
                .description(description)
                .tag("channel", channel)
                .register(registry);
    }
}
