package dev.opsbot.app.handoff;

import dev.opsbot.app.config.HandoffConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's schedule as one replica sees it: which slot is due now. A slot is due from its time for
 * {@link #MAX_LATE}; after that it is given up (logged and counted), so a replica coming back from a long outage
 * does not post a morning's handoff in the afternoon. When several slots are due only the latest is posted: it
 * covers the time of the others.
 */
final class DueSlots {
    /** How late a handoff may still be posted. */
    static final Duration MAX_LATE = Duration.ofHours(1);
    /** How far back missed slots are looked for after a start, so an old last run costs no long search. */
    static final Duration LOOK_BACK = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(DueSlots.class);

    private final HandoffConfig.Schedule schedule;
    private final HandoffMetrics metrics;
    /** Slots at or before this are posted (by any replica) or given up; null until the first look. */
    private Instant settled;

    DueSlots(HandoffConfig.Schedule schedule, HandoffMetrics metrics) {
        this.schedule = schedule;
        this.metrics = metrics;
    }

    HandoffConfig.Schedule schedule() {
        return schedule;
    }

    /**
     * The slot to post now, if any.
     *
     * @param lastFinished the channel's last posted slot, asked on the first look only: slots missed since then
     *     while no replica ran are reported once
     */
    Optional<Instant> due(Instant now, Supplier<Optional<Instant>> lastFinished) {
        if (settled == null) {
            Instant lookBack = now.minus(LOOK_BACK);
            settled = lastFinished.get().filter(last -> last.isAfter(lookBack)).orElse(now.minus(MAX_LATE));
        }
        Instant oldest = now.minus(MAX_LATE);
        List<Instant> late = new ArrayList<>();
        Instant latest = null;
        for (Instant slot = after(settled); slot != null && !slot.isAfter(now); slot = after(slot)) {
            if (slot.isBefore(oldest)) {
                late.add(slot);
            } else {
                latest = slot;
            }
        }
        if (!late.isEmpty()) {
            giveUp(late, now);
        }
        return Optional.ofNullable(latest);
    }

    /** The slot was posted, here or by another replica. */
    void settle(Instant slot) {
        if (settled == null || slot.isAfter(settled)) {
            settled = slot;
        }
    }

    private void giveUp(List<Instant> late, Instant now) {
        settled = late.getLast();
        metrics.skipped(schedule.team(), late.size());
        LOG.warn(
                "the shift handoff for {} was not posted at {}{}: more than {} late (was opsbot down?); the next"
                        + " handoff covers the time since the last one posted, at {}",
                schedule.team(),
                late.getLast(),
                late.size() == 1 ? "" : " (" + late.size() + " slots since " + late.getFirst() + ")",
                MAX_LATE.toHours() + "h",
                after(now));
    }

    private Instant after(Instant at) {
        return schedule.cron()
                .next(ZonedDateTime.ofInstant(at, schedule.timezone()))
                .map(ZonedDateTime::toInstant)
                .orElse(null);
    }
}
