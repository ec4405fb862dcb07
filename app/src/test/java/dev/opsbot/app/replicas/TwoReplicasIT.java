package dev.opsbot.app.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.console.ConsoleChatPort;
import dev.opsbot.app.testing.Eventually;
import dev.opsbot.app.testing.HttpJson;
import dev.opsbot.app.testing.TestApps;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.console.ConsoleMessage;
import dev.opsbot.core.conversation.ChatEventCodec;
import dev.opsbot.core.conversation.Dispatcher;
import dev.opsbot.core.store.InboundEvent;
import dev.opsbot.db.testing.ThrowawayDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two opsbot instances on one PostgreSQL database, as two replicas behind a chat platform. */
class TwoReplicasIT {
    private static final ChatUser ALICE = new ChatUser("alice", "Alice Chen", "alice@example.com");

    private ThrowawayDatabase database;
    private OpsbotApplication replicaA;
    private OpsbotApplication replicaB;

    @BeforeEach
    void startTwoReplicas() {
        database = ThrowawayDatabase.postgres();
        replicaA =
                OpsbotApplication.start(TestApps.onDatabase(database.jdbcUrl(), database.user(), database.password()));
        replicaB =
                OpsbotApplication.start(TestApps.onDatabase(database.jdbcUrl(), database.user(), database.password()));
    }

    @AfterEach
    void stop() {
        if (replicaA != null) {
            replicaA.close();
        }
        if (replicaB != null) {
            replicaB.close();
        }
        database.close();
    }

    @Test
    void theSameEventDeliveredToBothReplicasAtOnceIsHandledExactlyOnce() throws Exception {
        int events = 40;
        List<ChatEvent.Mention> mentions = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            mentions.add(storedQuestion("m-" + i, "status"));
        }
        CountDownLatch go = new CountDownLatch(1);

        CompletableFuture<List<Dispatcher.Submission>> atA = deliverAll(replicaA, mentions, go);
        CompletableFuture<List<Dispatcher.Submission>> atB = deliverAll(replicaB, mentions, go);
        go.countDown();
        List<Dispatcher.Submission> a = atA.get();
        List<Dispatcher.Submission> b = atB.get();

        for (int i = 0; i < events; i++) {
            assertThat(List.of(a.get(i), b.get(i)))
                    .as("event %d: exactly one replica accepts it", i)
                    .containsExactlyInAnyOrder(Dispatcher.Submission.ACCEPTED, Dispatcher.Submission.DUPLICATE);
        }
        Eventually.get(
                Duration.ofSeconds(20), () -> replicaA.stores().eventLedger().countPending(), n -> n == 0);
        for (ChatEvent.Mention mention : mentions) {
            assertThat(botReplies(mention.thread().thread()))
                    .as("replies in %s", mention.thread())
                    .isEqualTo(1);
        }
    }

    @Test
    void aMessagePostedToOneReplicaIsVisibleThroughTheOther() {
        HttpJson viaA = new HttpJson(replicaA.port());
        HttpJson viaB = new HttpJson(replicaB.port());

        String thread = viaA.post(
                        "/api/console/messages",
                        HttpJson.json(Map.of("channel", "general", "user", "bob", "text", "help")))
                .json()
                .get("thread")
                .asText();

        HttpJson.Response seenByB = Eventually.get(
                Duration.ofSeconds(10),
                () -> viaB.get("/api/console/threads/" + thread),
                r -> r.status() == 200 && r.json().get("messages").size() == 2);
        assertThat(seenByB.json().get("messages").get(1).get("user").asText()).isEqualTo("opsbot");
    }

    @Test
    void anEventLeftByACrashedReplicaIsFinishedByASurvivorOnce() {
        ChatEvent.Mention orphan = storedQuestion("orphan", "help");
        Instant past = Instant.now().minusSeconds(600);
        // What a replica that crashed mid-work leaves behind: recorded, leased to it, never completed.
        replicaA.stores()
                .eventLedger()
                .record(
                        new InboundEvent("console", orphan.eventId(), past, new ChatEventCodec().encode(orphan)),
                        "crashed-replica",
                        past.plusSeconds(120));

        int recoveredByA = replicaA.dispatcher().recoverExpired(10);
        int recoveredByB = replicaB.dispatcher().recoverExpired(10);

        assertThat(recoveredByA + recoveredByB).isEqualTo(1);
        Eventually.get(Duration.ofSeconds(10), () -> botReplies("orphan"), n -> n >= 1);
        assertThat(replicaA.stores().eventLedger().isCompleted("console", "orphan"))
                .isTrue();
        assertThat(botReplies("orphan")).isEqualTo(1);
    }

    private ChatEvent.Mention storedQuestion(String id, String text) {
        Instant now = Instant.now();
        replicaA.stores().console().insert(ConsoleMessage.of(id, "general", id, "alice", text, null, now));
        ThreadRef thread = new ThreadRef(ConsoleChatPort.PLATFORM, "general", id);
        return new ChatEvent.Mention(id, thread, id, ALICE, text, now);
    }

    private long botReplies(String thread) {
        return replicaB.stores().console().thread(thread).stream()
                .filter(m -> m.user().equals(ConsoleChatPort.BOT_USER))
                .count();
    }

    private static CompletableFuture<List<Dispatcher.Submission>> deliverAll(
            OpsbotApplication replica, List<ChatEvent.Mention> mentions, CountDownLatch go) {
        // A thread of its own for each replica: the common pool may have a single worker on a 2-core machine.
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return mentions.stream()
                            .map(m -> replica.dispatcher().submit(m))
                            .toList();
                },
                command -> Thread.ofPlatform().start(command));
    }
}
