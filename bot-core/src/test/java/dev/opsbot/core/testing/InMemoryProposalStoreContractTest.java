package dev.opsbot.core.testing;

import dev.opsbot.core.approval.ProposalStore;
import dev.opsbot.core.testing.contract.ProposalStoreContract;

/** The fake that bot-core's own tests use keeps the same promises as the database. */
class InMemoryProposalStoreContractTest extends ProposalStoreContract {
    @Override
    protected ProposalStore newStore() {
        return new InMemoryProposalStore();
    }
}
