package dev.opsbot.db.approval;

import static dev.opsbot.db.generated.Tables.PROPOSAL;
import static dev.opsbot.db.generated.Tables.PROPOSAL_VOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.approval.ProposalStore;
import dev.opsbot.core.approval.Vote;
import dev.opsbot.core.testing.contract.ProposalStoreContract;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.DbStores;
import dev.opsbot.db.DuplicateKeyException;
import dev.opsbot.db.testing.DatabaseExtension;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * The {@link ProposalStore} contract, plus what only the tables show: the columns copied out of the action, the
 * failures the database reports, rows another opsbot version wrote. Each database's test class supplies its
 * {@link DatabaseExtension}; {@link #anotherReplicaOf} is a second connection pool on the same database, so the
 * contract's races are between two replicas as well as between threads.
 */
abstract class JooqProposalStoreSuite extends ProposalStoreContract {
    /** The subclass's static extension. */
    protected abstract DatabaseExtension db();

    @Override
    protected ProposalStore newStore() {
        return new JooqProposalStore(db().emptied().dsl());
    }

    @Override
    protected ProposalStore anotherReplicaOf(ProposalStore store) {
        return new JooqProposalStore(db().anotherReplica().dsl());
    }

    private DSLContext sql() {
        return db().database().dsl();
    }

    @Test
    void rowKeepsTheOperationRiskAndStateBesideTheActionAsJson() {
        store.create(proposal("P-1"));

        var row = sql().fetchSingle(PROPOSAL);

        assertThat(row.getOperation()).isEqualTo("rollback Deployment shop/checkout to revision 41");
        assertThat(row.getRisk()).isEqualTo("WRITE");
        assertThat(row.getState()).isEqualTo("PROPOSED");
        assertThat(row.getMessageId()).isNull();
        assertThat(row.getUpdatedAt()).isEqualTo(T0);
        assertThat(row.getAction())
                .contains("\"action\":\"kubernetes.rollback\"")
                .contains("\"params\":{\"toRevision\":41}");
    }

    @Test
    void transitionRecordsWhenTheProposalLastChanged() {
        store.create(proposal("P-1"));

        store.transition("P-1", ProposalState.PROPOSED, ProposalState.APPROVED, null, null, T0.plusSeconds(42));

        assertThat(sql().fetchSingle(PROPOSAL).getUpdatedAt()).isEqualTo(T0.plusSeconds(42));
    }

    @Test
    void secondCreateOfOneIdIsADuplicateKey() {
        store.create(proposal("P-1"));

        assertThatThrownBy(() -> store.create(proposal("P-1")))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("proposal P-1 exists already");
    }

    @Test
    void messageShowingAnotherProposalIsADuplicateKeyNamingIt() {
        store.create(proposal("P-1").withMessage("m1"));
        store.create(proposal("P-2"));

        assertThatThrownBy(() -> store.attachMessage("P-2", "m1"))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("message slack/m1 shows proposal P-1 already");
        assertThatThrownBy(() -> store.create(proposal("P-3").withMessage("m1")))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("message slack/m1 shows proposal P-1 already");
    }

    @Test
    void rowThatDoesNotReadFailsNamingTheProposal() {
        store.create(proposal("P-1"));
        // what an opsbot whose actions had other fields might have written
        sql().update(PROPOSAL)
                .set(PROPOSAL.ACTION, "{\"tool\":\"kubernetes.rollback\"}")
                .execute();

        assertThatThrownBy(() -> store.find("P-1"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("proposal P-1 does not read as this version's Proposal");
    }

    @Test
    void actionWithFieldsFromANewerVersionStillReads() {
        store.create(proposal("P-1"));
        sql().update(PROPOSAL)
                .set(
                        PROPOSAL.ACTION,
                        "{\"action\":\"kubernetes.rollback\",\"target\":\"Deployment/shop/checkout\","
                                + "\"params\":{\"toRevision\":41},"
                                + "\"operation\":\"rollback Deployment shop/checkout to revision 41\","
                                + "\"risk\":\"WRITE\",\"dryRunFirst\":true}")
                .execute();

        assertThat(store.find("P-1")).contains(proposal("P-1"));
    }

    @Test
    void voteOfAKindThisVersionDoesNotKnowFailsNamingTheVoter() {
        store.create(proposal("P-1"));
        store.vote(new Vote("P-1", "bob@example.com", "U-bob", Vote.Kind.APPROVE, T0));
        sql().update(PROPOSAL_VOTE).set(PROPOSAL_VOTE.KIND, "ABSTAIN").execute();

        assertThatThrownBy(() -> store.votes("P-1"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("bob@example.com")
                .hasMessageContaining("ABSTAIN");
    }

    @Test
    void dbStoresWiresThisStore() {
        store.create(proposal("P-1"));

        assertThat(DbStores.of(db().database()).proposals().find("P-1")).contains(proposal("P-1"));
    }
}
