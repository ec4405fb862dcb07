package dev.opsbot.db.store;

import dev.opsbot.core.agent.AgentTranscripts;
import dev.opsbot.core.testing.contract.AgentTranscriptsContract;
import dev.opsbot.db.testing.DatabaseExtension;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqAgentTranscripts} keeps the {@link AgentTranscripts} contract on PostgreSQL, in a schema of its own. */
class JooqAgentTranscriptsPostgresIT extends AgentTranscriptsContract {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.postgres();

    @Override
    protected AgentTranscripts newStore() {
        return new JooqAgentTranscripts(db.emptied().dsl(), Clock.systemUTC());
    }

    @Override
    protected AgentTranscripts anotherReplicaOf(AgentTranscripts store) {
        return new JooqAgentTranscripts(db.anotherReplica().dsl(), Clock.systemUTC());
    }
}
