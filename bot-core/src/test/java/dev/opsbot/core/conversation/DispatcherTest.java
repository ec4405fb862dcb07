package dev.opsbot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.testing.InMemoryBotMessageStore;
import dev.opsbot.core.testing.InMemoryEventLedger;
import dev.opsbot.core.testing.InMemoryThreadStore;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.testing.RecordingChatPort;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DispatcherTest {
    private static final Instant T0 = Instant.parse("2026-03-10T02:47:00Z");
    private static final ThreadRef THREAD = new ThreadRef("console", "incident-checkout", "m1");
    private static final ChatUser ALICE = new ChatUser("alice", "Alice Chen", "alice@example.com");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryEventLedger ledger = new InMemoryEventLedger();
    private final InMemoryThreadStore threads = new InMemoryThreadStore();
    private final InMemoryBotMessageStore botMessages = new InMemoryBotMessageStore();
    private final RecordingChatPort chat = new RecordingChatPort("console");
    private final ManualExecutor workers = new ManualExecutor();

    private Dispatcher dispatcher(String owner, ManualExecutor pool) {
        return dispatcher(ledger, owner, pool);
    }

    private Dispatcher dispatcher(dev.opsbot.core.store.EventLedger ledger, String owner, ManualExecutor pool) {
        BotStatus status = new BotStatus("1.2.3", owner, T0, List.of("console"), List.of(), "none");
        IntentRouter router = new IntentRouter(
                new IntentParser(),
                new HelpHandler(),
                new StatusHandler(() -> status, clock),
                new UnrecognizedHandler(),
                (event, intent, responder) -> responder.reply(Reply.text("investigating " + intent.service())),
                (event, intent, responder) ->
                        responder.reply(Reply.text("you are " + event.user().id())),
                (event, intent, responder) ->
                        responder.reply(Reply.text("access of " + event.user().id())));
        return new Dispatcher(
                ledger,
                threads,
                botMessages,
                List.of(chat),
                router,
                pool,
                clock,
                owner,
                Duration.ofMinutes(2),
                DispatchListener.NONE);
    }

    private static ChatEvent.Mention mention(String eventId, String text) {
        return new ChatEvent.Mention(eventId, THREAD, eventId, ALICE, text, T0);
    }

    @Test
    void helpIsAnsweredInTheThreadItWasAskedIn() {
        Dispatcher dispatcher = dispatcher("replica-a", workers);

        assertThat(dispatcher.submit(mention("e1", "@opsbot help"))).isEqualTo(Dispatcher.Submission.ACCEPTED);
        workers.runAll();

        assertThat(chat.postedIn(THREAD)).hasSize(1);
        assertThat(chat.posted().getFirst().reply().text()).contains("status");
        assertThat(ledger.isCompleted("console", "e1")).isTrue();
        assertThat(threads.find(THREAD)).isPresent();
    }

    @Test
    void statusReportsVersionUptimeAndConfiguredParts() {
        Dispatcher dispatcher = dispatcher("replica-a", workers);
        clock.advance(Duration.ofMinutes(90));

        dispatcher.submit(mention("e1", "status"));
        workers.runAll();

        String text = chat.posted().getFirst().reply().text();
        assertThat(text)
                .contains("1.2.3")
                .contains("1h 30m")
                .contains("console")
                .contains("model: none");
    }

    @Test
    void anythingElseGetsAnAnswerSayingWhatOpsbotCanDo() {
        Dispatcher dispatcher = dispatcher("replica-a", workers);

        dispatcher.submit(mention("e1", "deploy the moon"));
        workers.runAll();

        String text = chat.posted().getFirst().reply().text();
        assertThat(text).contains("deploy the moon").contains("help").contains("status");
    }

    @Test
    void theSameEventDeliveredTwiceIsHandledOnce() {
        Dispatcher dispatcher = dispatcher("replica-a", workers);

        assertThat(dispatcher.submit(mention("e1", "help"))).isEqualTo(Dispatcher.Submission.ACCEPTED);
        assertThat(dispatcher.submit(mention("e1", "help"))).isEqualTo(Dispatcher.Submission.DUPLICATE);
        workers.runAll();

        assertThat(chat.posted()).hasSize(1);
    }

    @Test
    void twoReplicasSharingOneLedgerHandleAnEventOnce() {
        ManualExecutor otherPool = new ManualExecutor();
        Dispatcher a = dispatcher("replica-a", workers);
        Dispatcher b = dispatcher("replica-b", otherPool);

        a.submit(mention("e1", "help"));
        b.submit(mention("e1", "help"));
        workers.runAll();
        otherPool.runAll();

        assertThat(chat.posted()).hasSize(1);
    }

    @Test
    void anEventLeftUnfinishedByACrashedReplicaIsRecoveredByAnotherAfterTheLease() {
        Dispatcher crashed = dispatcher("replica-a", workers);
        crashed.submit(mention("e1", "help"));
        // replica-a dies here: its queued work never runs.
        ManualExecutor otherPool = new ManualExecutor();
        Dispatcher survivor = dispatcher("replica-b", otherPool);

        assertThat(survivor.recoverExpired(10)).as("lease still running").isZero();
        clock.advance(Duration.ofMinutes(3));
        assertThat(survivor.recoverExpired(10)).isEqualTo(1);
        otherPool.runAll();

        assertThat(chat.posted()).hasSize(1);
        assertThat(ledger.isCompleted("console", "e1")).isTrue();
        assertThat(survivor.recoverExpired(10)).isZero();
    }

    @Test
    void gracefulShutdownReleasesUnstartedWorkForImmediateRecovery() {
        Dispatcher stopping = dispatcher("replica-a", workers);
        stopping.submit(mention("e1", "help"));
        workers.dropQueued(); // shutdown came before the worker picked it up

        stopping.shutdown(Duration.ofMillis(10));
        ManualExecutor otherPool = new ManualExecutor();
        Dispatcher next = dispatcher("replica-b", otherPool);

        assertThat(next.recoverExpired(10)).as("no need to wait for the lease").isEqualTo(1);
        otherPool.runAll();
        assertThat(chat.posted()).hasSize(1);
    }

    @Test
    void whenAnsweringFailsThePersonIsToldAndTheEventIsNotRetriedForever() {
        Dispatcher dispatcher = dispatcher("replica-a", workers);
        chat.failNextPosts(1);

        dispatcher.submit(mention("e1", "help"));
        workers.runAll();

        assertThat(chat.posted()).singleElement().satisfies(p -> assertThat(
                        p.reply().text())
                .contains("handling that failed")
                .contains("e1"));
        assertThat(ledger.isCompleted("console", "e1")).isTrue();
    }

    @Test
    void whenThePlatformIsDownTheEventStaysForRecovery() {
        Dispatcher dispatcher = dispatcher("replica-a", workers);
        chat.failNextPosts(2); // the answer and the apology both fail

        dispatcher.submit(mention("e1", "help"));
        workers.runAll();

        assertThat(ledger.isCompleted("console", "e1")).isFalse();
        clock.advance(Duration.ofMinutes(3));
        dispatcher.recoverExpired(10);
        workers.runAll();
        assertThat(chat.posted()).hasSize(1);
        assertThat(ledger.isCompleted("console", "e1")).isTrue();
    }

    @Test
    void followUpsAreAnsweredOnlyInThreadsOpsbotTakesPartIn() {
        Dispatcher dispatcher = dispatcher("replica-a", workers);
        ThreadRef elsewhere = new ThreadRef("console", "general", "m9");

        dispatcher.submit(new ChatEvent.Message("e1", elsewhere, "m9", ALICE, "status", T0));
        dispatcher.submit(mention("e2", "help"));
        dispatcher.submit(new ChatEvent.Message("e3", THREAD, "m3", ALICE, "status", T0));
        workers.runAll();

        assertThat(chat.postedIn(elsewhere)).isEmpty();
        assertThat(chat.postedIn(THREAD)).hasSize(2);
        assertThat(ledger.isCompleted("console", "e1")).isTrue();
    }

    @Test
    void chatterInAThreadIsNotAnsweredButAKnownCommandIs() {
        Dispatcher dispatcher = dispatcher("replica-a", workers);
        dispatcher.submit(mention("e1", "help"));

        dispatcher.submit(new ChatEvent.Message("e2", THREAD, "m2", ALICE, "looking at the dashboards too", T0));
        dispatcher.submit(new ChatEvent.Message("e3", THREAD, "m3", ALICE, "status", T0));
        workers.runAll();

        assertThat(chat.postedIn(THREAD)).hasSize(2);
        assertThat(chat.posted().get(1).reply().text()).contains("up ");
        assertThat(ledger.isCompleted("console", "e2")).isTrue();
    }

    @Test
    void reactionsAreRecordedWithoutAReply() {
        Dispatcher dispatcher = dispatcher("replica-a", workers);
        dispatcher.submit(mention("e1", "help"));
        workers.runAll();
        MessageRef answer = chat.posted().getFirst().ref();

        dispatcher.submit(new ChatEvent.ReactionAdded("e2", answer, ALICE, "eyes", T0));
        workers.runAll();

        assertThat(chat.posted()).hasSize(1);
        assertThat(ledger.isCompleted("console", "e2")).isTrue();
        assertThat(botMessages.find("console", answer.messageId())).isPresent();
    }

    @Test
    void anEventForAPlatformWithoutAnAdapterIsRefusedBeforeItIsRecorded() {
        Dispatcher dispatcher = dispatcher("replica-a", workers);
        ThreadRef slack = new ThreadRef("slack", "C1", "1.0");

        assertThatThrownBy(() -> dispatcher.submit(new ChatEvent.Mention("e1", slack, "1.0", ALICE, "help", T0)))
                .hasMessageContaining("no chat adapter for platform 'slack'");
        assertThat(ledger.countPending()).isZero();
    }

    @Test
    void shutdownWithTheDatabaseGoneStillCompletesAndLeavesEventsToTheirLease() {
        FlakyLedger failing = new FlakyLedger();
        failing.failReleases = true;
        Dispatcher dispatcher = dispatcher(failing, "a", workers);
        dispatcher.submit(mention("e1", "help"));

        dispatcher.shutdown(Duration.ofMillis(10));

        assertThat(failing.countPending()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(3));
        assertThat(failing.reclaimExpired("b", clock.instant(), clock.instant().plusSeconds(60), 10))
                .hasSize(1);
    }

    @Test
    void aBusyDatabaseWhenMarkingDoneNeitherRepliesTwiceNorLosesTheEvent() {
        FlakyLedger busy = new FlakyLedger();
        busy.completesToFail = 2;
        Dispatcher dispatcher = dispatcher(busy, "a", workers);

        dispatcher.submit(mention("e1", "help"));
        workers.runAll();

        assertThat(chat.posted())
                .singleElement()
                .satisfies(p -> assertThat(p.reply().text()).contains("status"));
        assertThat(busy.isCompleted("console", "e1")).isTrue();
    }

    /** The real ledger, except that the database fails where a test says. */
    static final class FlakyLedger implements dev.opsbot.core.store.EventLedger {
        private final InMemoryEventLedger delegate = new InMemoryEventLedger();
        boolean failReleases;
        int completesToFail;

        @Override
        public boolean record(dev.opsbot.core.store.InboundEvent event, String owner, Instant leaseUntil) {
            return delegate.record(event, owner, leaseUntil);
        }

        @Override
        public void complete(String platform, String eventId, Instant completedAt) {
            if (completesToFail > 0) {
                completesToFail--;
                throw new IllegalStateException("connection pool timed out");
            }
            delegate.complete(platform, eventId, completedAt);
        }

        @Override
        public List<dev.opsbot.core.store.InboundEvent> reclaimExpired(
                String owner, Instant now, Instant newLeaseUntil, int limit) {
            return delegate.reclaimExpired(owner, now, newLeaseUntil, limit);
        }

        @Override
        public int release(String owner, Instant now) {
            if (!failReleases) {
                return delegate.release(owner, now);
            }
            throw new IllegalStateException("database closed");
        }

        @Override
        public long countPending() {
            return delegate.countPending();
        }

        @Override
        public boolean isCompleted(String platform, String eventId) {
            return delegate.isCompleted(platform, eventId);
        }

        @Override
        public int forgetCompletedBefore(java.time.Instant before) {
            return delegate.forgetCompletedBefore(before);
        }
    }

    /** Runs submitted work only when the test says so, to stage crashes and races deterministically. */
    static final class ManualExecutor extends AbstractExecutorService {
        private final java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
        private boolean shutdown;

        @Override
        public void execute(Runnable command) {
            if (shutdown) {
                throw new java.util.concurrent.RejectedExecutionException("shut down");
            }
            queue.add(command);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }

        void dropQueued() {
            queue.clear();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            List<Runnable> pending = List.copyOf(queue);
            queue.clear();
            return pending;
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown && queue.isEmpty();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return isTerminated();
        }
    }
}
