package dev.opsbot.db.store;

import static dev.opsbot.db.generated.Tables.SCHEDULE_LEASE;

import dev.opsbot.core.store.ScheduleLeases;
import dev.opsbot.db.internal.Inserts;
import dev.opsbot.db.internal.Timestamps;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Scheduled runs in table {@code schedule_lease}, one row per job and slot. Who runs a slot is decided by the
 * database alone: the primary key lets one insert win, and taking over an expired run is one conditional update,
 * like {@link JooqEventLedger}'s.
 */
public final class JooqScheduleLeases implements ScheduleLeases {
    private final DSLContext dsl;

    /** @param dsl a {@link dev.opsbot.db.Database#dsl()}, whose error translation this relies on */
    public JooqScheduleLeases(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /**
     * Inserts the run if nobody claimed it; otherwise takes it over only if it is unfinished and its lease ended
     * before {@code now} (a lease ending exactly now still holds, as the event ledger's do).
     *
     * @throws IllegalArgumentException when {@code until} is not after {@code now}
     */
    @Override
    public boolean claim(String job, Instant slot, String owner, Instant now, Instant until) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(owner, "owner");
        Instant from = Timestamps.cut(Objects.requireNonNull(now, "now"));
        Instant to = Timestamps.cut(Objects.requireNonNull(until, "until"));
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException(
                    "a lease on " + job + " at " + slot + " must end after now (" + now + "), not at " + until);
        }
        Instant run = Timestamps.cut(slot);
        return Inserts.ifAbsent(dsl.insertInto(SCHEDULE_LEASE)
                        .set(SCHEDULE_LEASE.JOB, job)
                        .set(SCHEDULE_LEASE.SLOT, run)
                        .set(SCHEDULE_LEASE.OWNER, owner)
                        .set(SCHEDULE_LEASE.LEASE_UNTIL, to))
                || takeOver(job, run, owner, from, to);
    }

    /** Both databases re-check the condition after waiting for the row lock: exactly one racing taker matches. */
    private boolean takeOver(String job, Instant slot, String owner, Instant now, Instant until) {
        return dsl.update(SCHEDULE_LEASE)
                        .set(SCHEDULE_LEASE.OWNER, owner)
                        .set(SCHEDULE_LEASE.LEASE_UNTIL, until)
                        .where(run(job, slot))
                        .and(SCHEDULE_LEASE.FINISHED_AT.isNull())
                        .and(SCHEDULE_LEASE.LEASE_UNTIL.lt(now))
                        .execute()
                == 1;
    }

    /** Only the run's current owner finishes it; an owner whose run was taken over finishes nothing. */
    @Override
    public void finish(String job, Instant slot, String owner, Instant at) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
        dsl.update(SCHEDULE_LEASE)
                .set(SCHEDULE_LEASE.FINISHED_AT, Timestamps.cut(at))
                .where(run(job, Timestamps.cut(slot)))
                .and(SCHEDULE_LEASE.OWNER.eq(owner))
                .and(SCHEDULE_LEASE.FINISHED_AT.isNull())
                .execute();
    }

    @Override
    public Optional<Instant> lastFinished(String job) {
        Objects.requireNonNull(job, "job");
        // the primary key (job, slot) serves this: a job has a few rows a day
        return Optional.ofNullable(dsl.select(DSL.max(SCHEDULE_LEASE.SLOT))
                .from(SCHEDULE_LEASE)
                .where(SCHEDULE_LEASE.JOB.eq(job))
                .and(SCHEDULE_LEASE.FINISHED_AT.isNotNull())
                .fetchSingle()
                .value1());
    }

    private static Condition run(String job, Instant slot) {
        return SCHEDULE_LEASE.JOB.eq(job).and(SCHEDULE_LEASE.SLOT.eq(slot));
    }
}
