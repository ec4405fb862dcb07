package dev.opsbot.db.store;

import static dev.opsbot.db.generated.Tables.VERDICT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.store.Verdict;
import dev.opsbot.core.store.VerdictStore;
import dev.opsbot.core.testing.contract.VerdictStoreContract;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.DbStores;
import dev.opsbot.db.testing.DatabaseExtension;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * The {@link VerdictStore} contract, plus what only the table shows: the cause by its triage name, the last change
 * kept beside the verdict, text too long for its column, rows this version cannot read. Each database's test class
 * supplies its {@link DatabaseExtension}; {@link #anotherReplicaOf} is a second connection pool on the same database.
 */
abstract class JooqVerdictStoreSuite extends VerdictStoreContract {
    /** The subclass's static extension. */
    protected abstract DatabaseExtension db();

    @Override
    protected VerdictStore newStore() {
        return new JooqVerdictStore(db().emptied().dsl());
    }

    @Override
    protected VerdictStore anotherReplicaOf(VerdictStore store) {
        return new JooqVerdictStore(db().anotherReplica().dsl());
    }

    private DSLContext sql() {
        return db().database().dsl();
    }

    @Test
    void rowKeepsTheCauseByItsTriageNameAndMovesItsLastChangeWhenResolved() {
        store.record(verdict(INCIDENT, T0));

        assertThat(sql().fetchSingle(VERDICT).getCause()).isEqualTo("oom");
        assertThat(sql().fetchSingle(VERDICT).getChangedAt()).isEqualTo(T0);

        store.resolve(INCIDENT, "bob@example.com", T0.plusSeconds(600));

        assertThat(sql().fetchSingle(VERDICT).getChangedAt()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void resolutionDatedBeforeTheVerdictLeavesItsLastChangeAlone() {
        store.record(verdict(INCIDENT, T0));

        // a replica whose clock is behind
        store.resolve(INCIDENT, "bob@example.com", T0.minusSeconds(5));

        assertThat(sql().fetchSingle(VERDICT).getChangedAt()).isEqualTo(T0);
        assertThat(store.since("slack", "C-incident", T0, 10)).hasSize(1);
    }

    @Test
    void summaryTooLongForItsColumnIsRefusedNamingItAndNothingIsRecorded() {
        Verdict verdict = verdict(INCIDENT, T0, "s".repeat(4_001));

        assertThatThrownBy(() -> store.record(verdict))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("summary of 4001 characters")
                .hasMessageContaining("at most 4000")
                .hasMessageContaining(INCIDENT.thread());
        assertThat(sql().fetchCount(VERDICT)).isZero();
    }

    @Test
    void resolverTooLongForItsColumnIsRefusedAndTheVerdictStaysOpen() {
        store.record(verdict(INCIDENT, T0));

        assertThatThrownBy(() -> store.resolve(INCIDENT, "b".repeat(321), T0.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resolved_by");
        assertThat(store.latest(INCIDENT).orElseThrow().resolved()).isFalse();
    }

    @Test
    void causeThisVersionDoesNotKnowFailsNamingTheThread() {
        store.record(verdict(INCIDENT, T0));
        // what a newer opsbot with a larger vocabulary might have written
        sql().update(VERDICT).set(VERDICT.CAUSE, "solar-flare").execute();

        assertThatThrownBy(() -> store.latest(INCIDENT))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining(INCIDENT.thread())
                .hasMessageContaining("solar-flare");
    }

    @Test
    void dbStoresWiresThisStore() {
        store.record(verdict(INCIDENT, T0));

        assertThat(DbStores.of(db().database()).verdicts().latest(INCIDENT)).contains(verdict(INCIDENT, T0));
    }
}
