package dev.opsbot.db.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.db.Database;
import dev.opsbot.db.DatabaseUnavailableException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A database that does not answer is reported as unavailable (retriable), never as "the proposal moved on". */
class JooqProposalStoreUnavailableTest {
    // nothing listens on port 1: the connection is refused at once
    private static final String NOBODY_THERE = "jdbc:postgresql://127.0.0.1:1/opsbot?password=hunter2&ssl=false";

    @Test
    void transitionOnAnUnreachableDatabaseFailsAsUnavailableInsteadOfFalse() {
        try (Database database = new Database(NOBODY_THERE, "opsbot", "hunter2", 1)) {
            JooqProposalStore store = new JooqProposalStore(database.dsl());

            assertThatThrownBy(() -> store.transition(
                            "P-1", ProposalState.APPROVED, ProposalState.EXECUTING, "replica-a", null, Instant.now()))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("password=***")
                    .satisfies(e -> assertThat(((DatabaseUnavailableException) e).retriable())
                            .isTrue())
                    .satisfies(e -> assertThat(e.toString()).doesNotContain("hunter2"));
        }
    }
}
