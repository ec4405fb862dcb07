package dev.opsbot.db.store;

import static dev.opsbot.db.generated.Tables.INBOUND_EVENT;

import dev.opsbot.core.store.EventLedger;
import dev.opsbot.core.store.InboundEvent;
import dev.opsbot.db.internal.Inserts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record4;

/**
 * The event ledger in table {@code inbound_event}. Exactly-once across replicas rests on two things the database
 * decides alone: the primary key (one {@link #record} wins) and a conditional update per row (one
 * {@link #reclaimExpired} wins).
 */
public final class JooqEventLedger implements EventLedger {
    private final DSLContext dsl;

    /** @param dsl a {@link dev.opsbot.db.Database#dsl()}, whose error translation this relies on */
    public JooqEventLedger(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public boolean record(InboundEvent event, String owner, Instant leaseUntil) {
        return Inserts.ifAbsent(dsl.insertInto(INBOUND_EVENT)
                .set(INBOUND_EVENT.PLATFORM, event.platform())
                .set(INBOUND_EVENT.EVENT_ID, event.eventId())
                .set(INBOUND_EVENT.RECEIVED_AT, event.receivedAt())
                .set(INBOUND_EVENT.OWNER, owner)
                .set(INBOUND_EVENT.LEASE_UNTIL, leaseUntil)
                .set(INBOUND_EVENT.PAYLOAD, event.payload()));
    }

    @Override
    public void complete(String platform, String eventId, Instant completedAt) {
        dsl.update(INBOUND_EVENT)
                .set(INBOUND_EVENT.COMPLETED_AT, completedAt)
                .where(key(platform, eventId))
                .and(INBOUND_EVENT.COMPLETED_AT.isNull())
                .execute();
    }

    @Override
    public List<InboundEvent> reclaimExpired(String owner, Instant now, Instant newLeaseUntil, int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<InboundEvent> taken = new ArrayList<>();
        for (InboundEvent candidate : expiredCandidates(now, limit)) {
            if (takeOver(candidate, owner, now, newLeaseUntil)) {
                taken.add(candidate);
            }
        }
        return taken;
    }

    private List<InboundEvent> expiredCandidates(Instant now, int limit) {
        return dsl.select(
                        INBOUND_EVENT.PLATFORM,
                        INBOUND_EVENT.EVENT_ID,
                        INBOUND_EVENT.RECEIVED_AT,
                        INBOUND_EVENT.PAYLOAD)
                .from(INBOUND_EVENT)
                .where(expiredAt(now))
                .orderBy(INBOUND_EVENT.LEASE_UNTIL, INBOUND_EVENT.RECEIVED_AT)
                .limit(limit)
                .fetch(JooqEventLedger::toEvent);
    }

    /**
     * Another replica may have taken the candidate since we saw it: the update repeats the expiry test, and the
     * database re-checks it after any row lock it waited for, so exactly one of the racing updates matches.
     */
    private boolean takeOver(InboundEvent candidate, String owner, Instant now, Instant newLeaseUntil) {
        return dsl.update(INBOUND_EVENT)
                        .set(INBOUND_EVENT.OWNER, owner)
                        .set(INBOUND_EVENT.LEASE_UNTIL, newLeaseUntil)
                        .where(key(candidate.platform(), candidate.eventId()))
                        .and(expiredAt(now))
                        .execute()
                == 1;
    }

    @Override
    public int release(String owner, Instant now) {
        // a lease that ended a moment ago: reclaimable by anyone at once, by the usual rule
        return dsl.update(INBOUND_EVENT)
                .set(INBOUND_EVENT.LEASE_UNTIL, now.minusMillis(1))
                .where(INBOUND_EVENT.COMPLETED_AT.isNull())
                .and(INBOUND_EVENT.OWNER.eq(owner))
                .execute();
    }

    @Override
    public long countPending() {
        return dsl.fetchCount(INBOUND_EVENT, INBOUND_EVENT.COMPLETED_AT.isNull());
    }

    @Override
    public int forgetCompletedBefore(Instant before) {
        // completed_at leads inbound_event_pending_ix, so this reads only the rows it deletes
        return dsl.deleteFrom(INBOUND_EVENT)
                .where(INBOUND_EVENT.COMPLETED_AT.lt(before))
                .execute();
    }

    @Override
    public boolean isCompleted(String platform, String eventId) {
        return dsl.fetchExists(INBOUND_EVENT, key(platform, eventId).and(INBOUND_EVENT.COMPLETED_AT.isNotNull()));
    }

    private static Condition key(String platform, String eventId) {
        return INBOUND_EVENT.PLATFORM.eq(platform).and(INBOUND_EVENT.EVENT_ID.eq(eventId));
    }

    private static Condition expiredAt(Instant now) {
        return INBOUND_EVENT.COMPLETED_AT.isNull().and(INBOUND_EVENT.LEASE_UNTIL.lt(now));
    }

    private static InboundEvent toEvent(Record4<String, String, Instant, String> row) {
        return new InboundEvent(row.value1(), row.value2(), row.value3(), row.value4());
    }
}
