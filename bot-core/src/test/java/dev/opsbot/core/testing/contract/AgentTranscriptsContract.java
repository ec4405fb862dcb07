package dev.opsbot.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.agent.AgentTranscripts;
import dev.opsbot.core.agent.Turn;
import dev.opsbot.core.chat.ThreadRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AgentTranscripts} promises. */
public abstract class AgentTranscriptsContract {
    private static final ThreadRef INCIDENT = new ThreadRef("slack", "C-incident", "1710037800.000100");
    private static final ThreadRef OTHER = new ThreadRef("slack", "C-incident", "1710037999.000100");

    protected AgentTranscripts transcripts;

    /** A new store over empty storage. */
    protected abstract AgentTranscripts newStore();

    /** A second store over the same storage, as another replica sees it; fakes return it unchanged. */
    protected AgentTranscripts anotherReplicaOf(AgentTranscripts store) {
        return store;
    }

    @BeforeEach
    void freshStore() {
        transcripts = newStore();
    }

    @Test
    void aThreadWithoutTurnsHasNone() {
        assertThat(transcripts.recent(INCIDENT, 8)).isEmpty();
    }

    @Test
    void turnsComeBackOldestFirstAndOnlyTheLastOnesAskedFor() {
        for (int i = 1; i <= 5; i++) {
            transcripts.append(INCIDENT, new Turn(Turn.PERSON, "question " + i));
            transcripts.append(INCIDENT, new Turn(Turn.OPSBOT, "answer " + i));
        }

        assertThat(transcripts.recent(INCIDENT, 3))
                .containsExactly(
                        new Turn(Turn.OPSBOT, "answer 4"),
                        new Turn(Turn.PERSON, "question 5"),
                        new Turn(Turn.OPSBOT, "answer 5"));
    }

    @Test
    void threadsDoNotSeeEachOthersTurns() {
        transcripts.append(INCIDENT, new Turn(Turn.PERSON, "in the incident"));
        transcripts.append(OTHER, new Turn(Turn.PERSON, "elsewhere"));

        assertThat(transcripts.recent(INCIDENT, 8)).containsExactly(new Turn(Turn.PERSON, "in the incident"));
    }

    @Test
    void anotherReplicaContinuesTheSameConversation() {
        transcripts.append(INCIDENT, new Turn(Turn.PERSON, "how many pods?"));
        AgentTranscripts replica = anotherReplicaOf(transcripts);
        replica.append(INCIDENT, new Turn(Turn.OPSBOT, "three"));

        assertThat(transcripts.recent(INCIDENT, 8))
                .containsExactly(new Turn(Turn.PERSON, "how many pods?"), new Turn(Turn.OPSBOT, "three"));
    }

    @Test
    void turnsWrittenBeforeTheCutoffAreForgottenAndLaterOnesKept() {
        transcripts.append(INCIDENT, new Turn(Turn.PERSON, "how many pods?"));
        transcripts.append(OTHER, new Turn(Turn.PERSON, "elsewhere"));

        assertThat(transcripts.forgetBefore(java.time.Instant.now().minusSeconds(3600)))
                .isZero();
        assertThat(transcripts.recent(INCIDENT, 8)).hasSize(1);
        assertThat(transcripts.forgetBefore(java.time.Instant.now().plusSeconds(60)))
                .isEqualTo(2);
        assertThat(transcripts.recent(INCIDENT, 8)).isEmpty();
        assertThat(transcripts.recent(OTHER, 8)).isEmpty();
    }

    @Test
    void longTextsAreKeptWhole() {
        String text = "x".repeat(20_000);
        transcripts.append(INCIDENT, new Turn(Turn.OPSBOT, text));

        assertThat(transcripts.recent(INCIDENT, 1)).containsExactly(new Turn(Turn.OPSBOT, text));
    }
}
