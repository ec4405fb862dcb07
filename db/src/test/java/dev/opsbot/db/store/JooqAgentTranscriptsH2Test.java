package dev.opsbot.db.store;

import dev.opsbot.core.agent.AgentTranscripts;
import dev.opsbot.core.testing.contract.AgentTranscriptsContract;
import dev.opsbot.db.testing.DatabaseExtension;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JooqAgentTranscripts} keeps the {@link AgentTranscripts} contract on H2 in PostgreSQL mode. */
class JooqAgentTranscriptsH2Test extends AgentTranscriptsContract {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.h2();

    @Override
    protected AgentTranscripts newStore() {
        return new JooqAgentTranscripts(db.emptied().dsl(), Clock.systemUTC());
    }

    @Override
    protected AgentTranscripts anotherReplicaOf(AgentTranscripts store) {
        return new JooqAgentTranscripts(db.anotherReplica().dsl(), Clock.systemUTC());
    }
}
