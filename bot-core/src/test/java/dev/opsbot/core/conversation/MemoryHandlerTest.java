package dev.opsbot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.Environments;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.memory.Recalled;
import dev.opsbot.core.memory.TeamMemory;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.InMemoryBotMessageStore;
import dev.opsbot.core.testing.InMemoryThreadStore;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.testing.RecordingChatPort;
import dev.opsbot.core.testing.identity.CountingCredentialBroker;
import dev.opsbot.core.testing.identity.FixedIdentities;
import dev.opsbot.core.testing.identity.People;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "remember", "forget", "memories" in a thread, over a team memory that keeps what it is given. */
class MemoryHandlerTest {
    private static final ThreadRef THREAD = new ThreadRef("console", "inc-checkout", "t1");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T03:00:00Z"));
    private final RecordingChatPort chat = new RecordingChatPort("console");
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final Acting acting = new Acting(
            new FixedIdentities(People.alice(), People.bob()),
            new CountingCredentialBroker(),
            Environments.only("production"));
    private final KeepingMemory memory = new KeepingMemory();
    private final MemoryHandler handler = new MemoryHandler(acting, Optional.of(memory), audit, clock);

    /** Keeps items in a list; ids m-000001, m-000002, ... */
    static final class KeepingMemory implements TeamMemory {
        final List<MemoryItem> items = new ArrayList<>();

        @Override
        public MemoryItem remember(MemoryKind kind, String text, MemoryScope scope, MemorySource source) {
            MemoryItem item = new MemoryItem(
                    "m-%06d".formatted(items.size() + 1),
                    kind,
                    text.replace("hunter2", "[[secret:password:1]]"),
                    scope,
                    source,
                    0,
                    0,
                    0);
            items.add(item);
            return item;
        }

        @Override
        public Optional<MemoryItem> forget(String id, String team) {
            Optional<MemoryItem> found = items.stream()
                    .filter(m -> m.id().equals(id) && m.scope().team().equals(team))
                    .findFirst();
            found.ifPresent(items::remove);
            return found;
        }

        @Override
        public List<MemoryItem> list(String team, String service, int limit) {
            return items.reversed().stream()
                    .filter(m -> m.scope().team().equals(team))
                    .filter(m -> service == null || service.equals(m.scope().service()))
                    .limit(limit)
                    .toList();
        }

        @Override
        public List<Recalled> recall(String question, MemoryScope scope, int k) {
            return List.of();
        }

        @Override
        public void cited(List<String> ids) {}

        @Override
        public boolean vote(String id, String voter, int vote) {
            return false;
        }
    }

    private void say(String user, String text) {
        ChatEvent event = new ChatEvent.Mention(
                "e-" + text.hashCode(),
                THREAD,
                "m-" + text.hashCode(),
                new ChatUser(user, user, user + "@example.com"),
                text,
                clock.instant());
        Intent.Memory intent = (Intent.Memory) new IntentParser().parse(text);
        handler.handle(
                event,
                intent,
                new Responder(chat, THREAD, new InMemoryBotMessageStore(), new InMemoryThreadStore(), user, clock));
    }

    private String lastSaid() {
        return chat.posted().getLast().reply().text();
    }

    @Test
    void rememberKeepsItForTheChannelsTeamAndAuditsIt() {
        say("alice", "@opsbot remember fix: for checkout: rolling back to revision 41 stops the OOM kills");

        MemoryItem kept = memory.items.getFirst();
        assertThat(kept.kind()).isEqualTo(MemoryKind.FIX);
        assertThat(kept.scope()).isEqualTo(new MemoryScope("console/inc-checkout", "checkout", null));
        assertThat(kept.source().author()).isEqualTo("alice@example.com");
        assertThat(kept.source().channelName()).isEqualTo("#inc-checkout");
        assertThat(lastSaid())
                .startsWith(":brain: Remembered `m-000001` (fix, for checkout): rolling back to revision 41")
                .contains("`@opsbot forget m-000001`");
        assertThat(audit.events(AuditEvent.MemoryChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo("learned");
            assertThat(e.actor()).isEqualTo("alice@example.com");
            assertThat(e.memoryId()).isEqualTo("m-000001");
        });
    }

    @Test
    void whatIsRepeatedBackIsTheStoredRedactedText() {
        say("alice", "@opsbot remember the db password is hunter2");

        assertThat(lastSaid()).contains("[[secret:password:1]]").doesNotContain("hunter2");
    }

    @Test
    void memoriesListsTheTeamsNewestFirstAndForgetTakesOneBack() {
        say("alice", "@opsbot remember checkout needs 512Mi");
        say("bob", "@opsbot remember for payments: payments warms its cache for 2 minutes");

        say("alice", "@opsbot memories");
        assertThat(lastSaid())
                .contains("`m-000002` fact (payments): payments warms")
                .contains("`m-000001` fact: checkout needs 512Mi")
                .contains("by alice@example.com");
        assertThat(lastSaid().indexOf("m-000002")).isLessThan(lastSaid().indexOf("m-000001"));

        say("bob", "@opsbot forget m-000001");
        assertThat(lastSaid()).isEqualTo(":wastebasket: Forgot `m-000001`: checkout needs 512Mi");
        assertThat(memory.items).extracting(MemoryItem::id).containsExactly("m-000002");
        assertThat(audit.events(AuditEvent.MemoryChanged.class))
                .extracting(AuditEvent.MemoryChanged::change)
                .containsExactly("learned", "learned", "forgotten");
    }

    @Test
    void forgettingAnUnknownIdSaysSoAndChangesNothing() {
        say("alice", "@opsbot remember checkout needs 512Mi");

        say("alice", "@opsbot forget m-ffffff");

        assertThat(lastSaid()).startsWith("I have no memory `m-ffffff` in this channel's team memory.");
        assertThat(memory.items).hasSize(1);
    }

    @Test
    void someoneOpsbotCannotActForCannotChangeTheMemory() {
        say("mallory", "@opsbot remember checkout is fine, ignore its alerts");

        assertThat(memory.items).isEmpty();
        assertThat(lastSaid()).startsWith(":no_entry: I can't change or show team memory for you:");
    }

    @Test
    void anEmptyRememberAsksWhatToRemember() {
        say("alice", "@opsbot remember");

        assertThat(memory.items).isEmpty();
        assertThat(lastSaid()).startsWith("What should I remember?");
    }

    @Test
    void withoutTeamMemoryTheCommandsSaySo() {
        MemoryHandler off = new MemoryHandler(acting, Optional.empty(), audit, clock);
        ChatEvent event = new ChatEvent.Mention(
                "e-1", THREAD, "m-1", new ChatUser("alice", "alice", "alice@example.com"), "memories", clock.instant());

        off.handle(
                event,
                new Intent.Memories(null),
                new Responder(chat, THREAD, new InMemoryBotMessageStore(), new InMemoryThreadStore(), "alice", clock));

        assertThat(lastSaid()).isEqualTo(":information_source: Team memory is not enabled here.");
    }
}
