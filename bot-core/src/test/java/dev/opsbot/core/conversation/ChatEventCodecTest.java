package dev.opsbot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.OpsbotException;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.ThreadRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatEventCodecTest {
    private final ChatEventCodec codec = new ChatEventCodec();
    private final ThreadRef thread = new ThreadRef("slack", "C1", "1700000000.000100");
    private final ChatUser bob = new ChatUser("U2", "Bob", "bob@example.com");
    private final Instant at = Instant.parse("2026-03-10T02:47:00.123Z");

    @Test
    void everyKindOfEventSurvivesTheLedgerRoundTrip() {
        List<ChatEvent> events = List.of(
                new ChatEvent.Mention("Ev1", thread, "1.1", bob, "why is checkout 5xx?", at),
                new ChatEvent.Message("Ev2", thread, "1.2", bob, "and now?", at),
                new ChatEvent.ReactionAdded("Ev3", new MessageRef(thread, "1.3"), bob, "white_check_mark", at),
                new ChatEvent.ReactionRemoved("Ev4", new MessageRef(thread, "1.3"), bob, "x", at),
                new ChatEvent.Command("Ev5", thread, bob, "/opsbot", "status", at));

        for (ChatEvent event : events) {
            assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
        }
    }

    @Test
    void anUnreadablePayloadSaysSo() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"mention\",\"eventId\":"))
                .isInstanceOf(OpsbotException.class)
                .hasMessageContaining("not a readable ChatEvent");
    }
}
