package dev.opsbot.app.handoff;

import dev.opsbot.app.config.HandoffConfig;
import dev.opsbot.core.handoff.HandoffJobs;
import dev.opsbot.core.store.ScheduleLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts every scheduled shift handoff. Every replica runs one; each {@link #TICK} it looks at each channel's
 * schedule, and when a slot is due the replica that wins the slot's lease posts it ({@link HandoffPoster}), so a
 * handoff goes out once however many replicas there are, and again only if its poster died before posting.
 */
public final class HandoffScheduler {
    static final Duration TICK = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(HandoffScheduler.class);

    private final List<DueSlots> channels;
    private final ScheduleLeases leases;
    private final HandoffPoster poster;
    private final Clock clock;

    HandoffScheduler(
            List<HandoffConfig.Schedule> schedules,
            ScheduleLeases leases,
            HandoffPoster poster,
            Clock clock,
            HandoffMetrics metrics) {
        this.channels = schedules.stream().map(s -> new DueSlots(s, metrics)).toList();
        this.leases = leases;
        this.poster = poster;
        this.clock = clock;
    }

    /** Ticks on {@code executor} until it shuts down. */
    ScheduledFuture<?> start(ScheduledExecutorService executor) {
        return executor.scheduleWithFixedDelay(this::tick, TICK.toSeconds(), TICK.toSeconds(), TimeUnit.SECONDS);
    }

    /** Posts what is due now. Never throws: an exception would end the executor's repetition for good. */
    void tick() {
        for (DueSlots channel : channels) {
            try {
                tick(channel);
            } catch (RuntimeException e) {
                LOG.warn(
                        "the shift handoff schedule of {} failed this time",
                        channel.schedule().team(),
                        e);
            }
        }
    }

    private void tick(DueSlots channel) {
        HandoffConfig.Schedule schedule = channel.schedule();
        String job = HandoffJobs.key(schedule.platform(), schedule.channel());
        Instant now = clock.instant();
        Optional<Instant> due = channel.due(now, () -> leases.lastFinished(job));
        if (due.isPresent() && poster.post(schedule, due.get())) {
            channel.settle(due.get());
        }
    }
}
