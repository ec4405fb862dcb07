package dev.opsbot.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.testing.contract.AgentTranscriptsContract;
import org.junit.jupiter.api.Test;

class InMemoryAgentTranscriptsContractTest extends AgentTranscriptsContract {
    @Override
    protected AgentTranscripts newStore() {
        return AgentTranscripts.inMemory(100, 50);
    }

    @Test
    void itForgetsTheOldestThreadsAndTurnsBeyondItsBounds() {
        AgentTranscripts small = AgentTranscripts.inMemory(2, 3);
        ThreadRef one = new ThreadRef("slack", "C", "1");
        for (int i = 0; i < 5; i++) {
            small.append(one, new Turn(Turn.PERSON, "q" + i));
        }
        small.append(new ThreadRef("slack", "C", "2"), new Turn(Turn.PERSON, "two"));
        small.append(new ThreadRef("slack", "C", "3"), new Turn(Turn.PERSON, "three"));

        assertThat(small.recent(one, 10)).isEmpty();
        assertThat(small.recent(new ThreadRef("slack", "C", "3"), 10)).hasSize(1);
    }
}
