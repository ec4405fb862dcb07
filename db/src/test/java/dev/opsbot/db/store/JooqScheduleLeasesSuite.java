package dev.opsbot.db.store;

import static dev.opsbot.db.generated.Tables.SCHEDULE_LEASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.store.ScheduleLeases;
import dev.opsbot.core.testing.contract.ScheduleLeasesContract;
import dev.opsbot.db.DbStores;
import dev.opsbot.db.testing.DatabaseExtension;
import org.junit.jupiter.api.Test;

/**
 * The {@link ScheduleLeases} contract, plus what only the table shows. Each database's test class supplies its
 * {@link DatabaseExtension}; {@link #anotherReplicaOf} is a second connection pool on the same database, so the
 * contract's races are between two replicas as well as between threads.
 */
abstract class JooqScheduleLeasesSuite extends ScheduleLeasesContract {
    /** The subclass's static extension. */
    protected abstract DatabaseExtension db();

    @Override
    protected ScheduleLeases newStore() {
        return new JooqScheduleLeases(db().emptied().dsl());
    }

    @Override
    protected ScheduleLeases anotherReplicaOf(ScheduleLeases store) {
        return new JooqScheduleLeases(db().anotherReplica().dsl());
    }

    @Test
    void rowShowsWhoRanTheSlotAndWhenItFinished() {
        leases.claim(HANDOFF, SLOT, "replica-a", T0, T0.plus(LEASE));
        leases.finish(HANDOFF, SLOT, "replica-a", T0.plusSeconds(3));

        var row = db().database().dsl().fetchSingle(SCHEDULE_LEASE);

        assertThat(row.getOwner()).isEqualTo("replica-a");
        assertThat(row.getLeaseUntil()).isEqualTo(T0.plus(LEASE));
        assertThat(row.getFinishedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void dbStoresWiresThisStore() {
        leases.claim(HANDOFF, SLOT, "replica-a", T0, T0.plus(LEASE));
        leases.finish(HANDOFF, SLOT, "replica-a", T0.plusSeconds(3));

        assertThat(DbStores.of(db().database()).scheduleLeases().lastFinished(HANDOFF))
                .contains(SLOT);
    }
}
