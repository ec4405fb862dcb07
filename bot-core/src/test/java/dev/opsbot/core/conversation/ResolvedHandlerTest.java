package dev.opsbot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.Environments;
import dev.opsbot.core.learning.LessonWriter;
import dev.opsbot.core.learning.ThreadLearning;
import dev.opsbot.core.store.Verdict;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.InMemoryBotMessageStore;
import dev.opsbot.core.testing.InMemoryProposalStore;
import dev.opsbot.core.testing.InMemoryThreadStore;
import dev.opsbot.core.testing.InMemoryVerdictStore;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.testing.RecordingChatPort;
import dev.opsbot.core.testing.WordsTeamMemory;
import dev.opsbot.core.testing.identity.CountingCredentialBroker;
import dev.opsbot.core.testing.identity.FixedIdentities;
import dev.opsbot.core.testing.identity.People;
import dev.opsbot.core.triage.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "resolved" in a thread: who may say it, and what each outcome says back. */
class ResolvedHandlerTest {
    private static final ThreadRef THREAD = new ThreadRef("console", "inc-checkout", "t1");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T03:00:00Z"));
    private final RecordingChatPort chat = new RecordingChatPort("console");
    private final InMemoryVerdictStore verdicts = new InMemoryVerdictStore();
    private final WordsTeamMemory memory = new WordsTeamMemory();
    private final ResolvedHandler handler = new ResolvedHandler(
            new Acting(
                    new FixedIdentities(People.alice(), People.bob()),
                    new CountingCredentialBroker(),
                    Environments.only("production")),
            new ThreadLearning(
                    verdicts,
                    new InMemoryProposalStore(),
                    Optional.of(memory),
                    LessonWriter.AS_BUILT,
                    new InMemoryAuditLog(),
                    Duration.ofMinutes(30),
                    clock));

    private String say(String user) {
        ChatEvent event = new ChatEvent.Mention(
                "e-" + user + clock.instant(),
                THREAD,
                "m1",
                new ChatUser(user, user, user + "@example.com"),
                "@opsbot resolved",
                clock.instant());
        handler.handle(
                event,
                new Intent.Resolved(),
                new Responder(chat, THREAD, new InMemoryBotMessageStore(), new InMemoryThreadStore(), user, clock));
        return chat.posted().getLast().reply().text();
    }

    private void investigated(Cause cause, String summary) {
        verdicts.record(new Verdict(
                THREAD,
                "checkout",
                "shop",
                "why is checkout 5xx?",
                "alice@example.com",
                cause,
                0.8,
                summary,
                null,
                null,
                clock.instant().minusSeconds(60),
                null,
                null));
    }

    @Test
    void resolvingProposesTheMemoryThenSaysWhoResolvedItFirst() {
        investigated(Cause.OOM, "memory limit lowered 512Mi -> 128Mi");

        assertThat(say("alice")).contains("I'll remember this for the team", "(cause: oom)");
        assertThat(say("bob"))
                .isEqualTo(":information_source: This thread was resolved by alice@example.com at 10 Mar 03:00 UTC"
                        + " already.");
        assertThat(memory.items()).hasSize(1);
    }

    @Test
    void aThreadWithoutAnInvestigationSaysHowToTeach() {
        assertThat(say("alice")).contains("no investigation in this thread", "@opsbot remember");
    }

    @Test
    void aHealthyThreadResolvesWithNothingToRemember() {
        investigated(Cause.HEALTHY, "no 5xx found");

        assertThat(say("alice")).contains("Resolved", "nothing for me to remember");
        assertThat(memory.items()).isEmpty();
    }

    @Test
    void someoneOpsbotCannotActForCannotResolve() {
        investigated(Cause.OOM, "memory limit lowered");

        assertThat(say("mallory")).startsWith(":no_entry: I can't take a resolution from you");
        assertThat(verdicts.latest(THREAD).orElseThrow().resolved()).isFalse();
    }
}
