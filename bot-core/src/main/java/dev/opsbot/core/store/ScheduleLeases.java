package dev.opsbot.core.store;

import java.time.Instant;

/**
 * Who runs a scheduled job's run (a channel's shift handoff at 08:00): every replica's scheduler fires, the first to
 * claim the slot runs it. A claim is a lease: if its owner dies before {@link #finish}, another replica may take the
 * slot over once the lease runs out. Kept in the database.
 */
public interface ScheduleLeases {
    /**
     * Claims {@code job}'s run at {@code slot} for {@code owner} until {@code until}.
     *
     * @return true when this owner may run it: nobody had claimed it, or a claim ran out unfinished
     */
    boolean claim(String job, Instant slot, String owner, Instant now, Instant until);

    /** The run is done: nobody else takes it over. */
    void finish(String job, Instant slot, String owner, Instant at);

    /** The latest finished run of {@code job}, if any (a handoff covers the time since the last one). */
    java.util.Optional<Instant> lastFinished(String job);
}
