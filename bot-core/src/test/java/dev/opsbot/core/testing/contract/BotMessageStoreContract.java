package dev.opsbot.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.store.BotMessage;
import dev.opsbot.core.store.BotMessageStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link BotMessageStore} promises. */
public abstract class BotMessageStoreContract {
    protected static final Instant T0 = Instant.parse("2026-03-10T02:30:00Z");
    private static final ThreadRef INCIDENT = new ThreadRef("slack", "C-incident", "1710037800.000100");

    protected BotMessageStore messages;

    /** A new store over empty storage. */
    protected abstract BotMessageStore newStore();

    /** A second store over the same storage, as another replica sees it; fakes return it unchanged. */
    protected BotMessageStore anotherReplicaOf(BotMessageStore store) {
        return store;
    }

    @BeforeEach
    void freshStore() {
        messages = newStore();
    }

    private static BotMessage proposal(String messageId, String subject) {
        return new BotMessage(new MessageRef(INCIDENT, messageId), "proposal", subject, T0);
    }

    @Test
    void recordedMessageIsFoundByPlatformAndId() {
        BotMessage posted = proposal("1710037900.000200", "P-42");

        messages.record(posted);

        assertThat(messages.find("slack", "1710037900.000200")).contains(posted);
    }

    @Test
    void messageWithoutSubjectIsKeptWithout() {
        BotMessage answer = new BotMessage(new MessageRef(INCIDENT, "m-answer"), "answer", null, T0);

        messages.record(answer);

        assertThat(messages.find("slack", "m-answer")).contains(answer);
    }

    @Test
    void recordingTheSameMessageAgainKeepsTheFirst() {
        BotMessage first = proposal("m1", "P-1");
        messages.record(first);

        messages.record(new BotMessage(first.ref(), "answer", "other", T0.plusSeconds(5)));
        anotherReplicaOf(messages).record(proposal("m1", "P-2"));

        assertThat(messages.find("slack", "m1")).contains(first);
    }

    @Test
    void unknownMessageIsNotFound() {
        messages.record(proposal("m1", "P-1"));

        assertThat(messages.find("slack", "m2")).isEmpty();
        assertThat(messages.find("teams", "m1")).isEmpty();
    }

    @Test
    void sameMessageIdOnAnotherPlatformIsAnotherMessage() {
        BotMessage onSlack = proposal("m1", "P-1");
        BotMessage onTeams = new BotMessage(
                new MessageRef(new ThreadRef("teams", "19:abc@thread.tacv2", "m0"), "m1"), "answer", null, T0);

        messages.record(onSlack);
        messages.record(onTeams);

        assertThat(messages.find("slack", "m1")).contains(onSlack);
        assertThat(messages.find("teams", "m1")).contains(onTeams);
    }

    @Test
    void racingRecordsOfOneMessageKeepExactlyOne() {
        List<BotMessageStore> replicas = List.of(messages, anotherReplicaOf(messages));

        Race.of(8, racer -> {
            replicas.get(racer % 2).record(proposal("m-raced", "P-" + racer));
            return racer;
        });

        assertThat(messages.find("slack", "m-raced"))
                .hasValueSatisfying(kept -> assertThat(kept.subject()).startsWith("P-"));
    }
}
