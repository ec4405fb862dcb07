package dev.opsbot.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.OpsbotException;
import dev.opsbot.core.console.AttachmentData;
import dev.opsbot.core.console.ConsoleMessage;
import dev.opsbot.core.console.ConsoleMessage.Attachment;
import dev.opsbot.core.console.ConsoleMessage.Reaction;
import dev.opsbot.core.console.ConsoleStore;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ConsoleStore} promises: the web console's messages, reactions and attachments. */
public abstract class ConsoleStoreContract {
    protected static final Instant T0 = Instant.parse("2026-03-10T02:30:00Z");
    private static final String BLOCKS = "[{\"type\":\"section\",\"text\":\"rollback to revision 41?\"}]";

    protected ConsoleStore console;

    /** A new store over empty storage. */
    protected abstract ConsoleStore newStore();

    /** A second store over the same storage, as another replica sees it; fakes return it unchanged. */
    protected ConsoleStore anotherReplicaOf(ConsoleStore store) {
        return store;
    }

    @BeforeEach
    void freshStore() {
        console = newStore();
    }

    private static ConsoleMessage root(String id, String channel, Instant ts) {
        return ConsoleMessage.of(id, channel, id, "alice", "@opsbot why is checkout 5xx?", null, ts);
    }

    private static ConsoleMessage reply(String id, String thread, Instant ts) {
        return ConsoleMessage.of(id, "ops", thread, "opsbot", "memory limit lowered in revision 42", BLOCKS, ts);
    }

    @Test
    void insertedMessageIsFoundWithNoAttachmentsOrReactions() {
        ConsoleMessage question = root("m1", "ops", T0);

        console.insert(question);

        assertThat(console.find("m1")).contains(question);
        assertThat(console.find("m2")).isEmpty();
        assertThat(console.count()).isEqualTo(1);
    }

    @Test
    void insertingAnExistingIdFails() {
        console.insert(root("m1", "ops", T0));

        assertThatThrownBy(() -> console.insert(root("m1", "other", T0.plusSeconds(1))))
                .isInstanceOf(OpsbotException.class)
                .hasMessageContaining("m1");
        assertThat(console.find("m1").orElseThrow().channel()).isEqualTo("ops");
        assertThat(console.count()).isEqualTo(1);
    }

    @Test
    void updateReplacesTextAndBlocks() {
        console.insert(reply("m2", "m1", T0));

        assertThat(console.update("m2", "done: rolled back", "[]")).isTrue();

        ConsoleMessage updated = console.find("m2").orElseThrow();
        assertThat(updated.text()).isEqualTo("done: rolled back");
        assertThat(updated.blocks()).isEqualTo("[]");
        assertThat(updated.ts()).isEqualTo(T0);
    }

    @Test
    void updateOfAnUnknownMessageReportsIt() {
        assertThat(console.update("nope", "text", null)).isFalse();
        assertThat(console.count()).isZero();
    }

    @Test
    void threadReturnsMessagesOldestFirstWithReactionsAndAttachments() {
        console.insert(reply("m3", "m1", T0.plusSeconds(20)));
        console.insert(root("m1", "ops", T0));
        console.insert(reply("m2", "m1", T0.plusSeconds(10)));
        console.insert(root("other", "ops", T0.plusSeconds(5)));
        console.addAttachment(new AttachmentData("a1", "m2", "image/png", "5xx rate", new byte[] {1, 2, 3}));
        console.addReaction("m3", "bob", "white_check_mark", T0.plusSeconds(30));
        console.addReaction("m3", "carol", "white_check_mark", T0.plusSeconds(31));
        console.addReaction("m1", "bob", "eyes", T0.plusSeconds(32));

        List<ConsoleMessage> thread = console.thread("m1");

        assertThat(thread).extracting(ConsoleMessage::id).containsExactly("m1", "m2", "m3");
        assertThat(thread.get(0).reactions()).containsExactly(new Reaction("eyes", List.of("bob")));
        assertThat(thread.get(1).attachments()).containsExactly(new Attachment("a1", "image/png", "5xx rate"));
        assertThat(thread.get(1).reactions()).isEmpty();
        assertThat(thread.get(2).reactions())
                .containsExactly(new Reaction("white_check_mark", List.of("bob", "carol")));
        assertThat(thread.get(2).attachments()).isEmpty();
        assertThat(thread.get(2).blocks()).isEqualTo(BLOCKS);
    }

    @Test
    void threadOfAnUnknownIdIsEmpty() {
        console.insert(root("m1", "ops", T0));

        assertThat(console.thread("nope")).isEmpty();
    }

    @Test
    void messagesWithTheSameTimestampReadBackInTheOrderWritten() {
        console.insert(root("m1", "ops", T0));
        console.insert(reply("zz", "m1", T0.plusSeconds(1)));
        console.insert(reply("aa", "m1", T0.plusSeconds(1)));
        console.insert(reply("mm", "m1", T0.plusSeconds(1)));

        assertThat(console.thread("m1")).extracting(ConsoleMessage::id).containsExactly("m1", "zz", "aa", "mm");
    }

    @Test
    void reactionsListTheirUsersInTheOrderTheyReacted() {
        console.insert(root("m1", "ops", T0));
        console.addReaction("m1", "dave", "eyes", T0.plusSeconds(3));
        console.addReaction("m1", "carol", "white_check_mark", T0.plusSeconds(2));
        console.addReaction("m1", "bob", "white_check_mark", T0.plusSeconds(4));
        console.addReaction("m1", "alice", "white_check_mark", T0.plusSeconds(5));

        assertThat(console.find("m1").orElseThrow().reactions())
                .containsExactly(
                        new Reaction("white_check_mark", List.of("carol", "bob", "alice")),
                        new Reaction("eyes", List.of("dave")));
    }

    @Test
    void duplicateReactionIsNotCountedTwice() {
        console.insert(root("m1", "ops", T0));

        assertThat(console.addReaction("m1", "bob", "white_check_mark", T0)).isTrue();
        assertThat(console.addReaction("m1", "bob", "white_check_mark", T0.plusSeconds(1)))
                .isFalse();
        assertThat(anotherReplicaOf(console).addReaction("m1", "bob", "white_check_mark", T0.plusSeconds(2)))
                .isFalse();

        assertThat(console.find("m1").orElseThrow().reactions())
                .containsExactly(new Reaction("white_check_mark", List.of("bob")));
    }

    @Test
    void removingAReactionTakesOnlyThatUsersOne() {
        console.insert(root("m1", "ops", T0));
        console.addReaction("m1", "bob", "white_check_mark", T0);
        console.addReaction("m1", "carol", "white_check_mark", T0.plusSeconds(1));
        console.addReaction("m1", "bob", "x", T0.plusSeconds(2));

        assertThat(console.removeReaction("m1", "bob", "white_check_mark")).isTrue();

        assertThat(console.find("m1").orElseThrow().reactions())
                .containsExactly(new Reaction("white_check_mark", List.of("carol")), new Reaction("x", List.of("bob")));
    }

    @Test
    void removingTheLastUserOfAReactionRemovesTheReaction() {
        console.insert(root("m1", "ops", T0));
        console.addReaction("m1", "bob", "x", T0);

        assertThat(console.removeReaction("m1", "bob", "x")).isTrue();
        assertThat(console.removeReaction("m1", "bob", "x")).isFalse();

        assertThat(console.find("m1").orElseThrow().reactions()).isEmpty();
    }

    @Test
    void aRemovedReactionCanBeAddedAgain() {
        console.insert(root("m1", "ops", T0));
        console.addReaction("m1", "bob", "x", T0);
        console.removeReaction("m1", "bob", "x");

        assertThat(console.addReaction("m1", "bob", "x", T0.plusSeconds(1))).isTrue();
    }

    @Test
    void attachmentBytesAreFetchedById() {
        console.insert(reply("m2", "m1", T0));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};

        console.addAttachment(new AttachmentData("a1", "m2", "image/png", "5xx rate", png));

        AttachmentData stored = console.attachment("a1").orElseThrow();
        assertThat(stored.messageId()).isEqualTo("m2");
        assertThat(stored.type()).isEqualTo("image/png");
        assertThat(stored.title()).isEqualTo("5xx rate");
        assertThat(stored.data()).isEqualTo(png);
        assertThat(console.attachment("a2")).isEmpty();
    }

    @Test
    void attachmentsAreListedInTheOrderAddedAndMayHaveNoTitle() {
        console.insert(reply("m2", "m1", T0));
        console.addAttachment(new AttachmentData("z-chart", "m2", "image/png", "memory", new byte[] {1}));
        console.addAttachment(new AttachmentData("a-log", "m2", "text/plain", null, new byte[] {2}));

        assertThat(console.find("m2").orElseThrow().attachments())
                .containsExactly(
                        new Attachment("z-chart", "image/png", "memory"), new Attachment("a-log", "text/plain", null));
        assertThat(console.attachment("a-log").orElseThrow().title()).isNull();
    }

    @Test
    void largestMessageAndAttachmentSurviveTheRoundTrip() {
        String text = "é".repeat(20_000) + "x".repeat(20_000);
        String blocks = "[\"" + "b".repeat(1_000_000) + "\"]";
        byte[] chart = new byte[3 * 1024 * 1024];
        new Random(42).nextBytes(chart);

        console.insert(ConsoleMessage.of("big", "ops", "big", "opsbot", text, blocks, T0));
        console.addAttachment(new AttachmentData("chart", "big", "image/png", "big chart", chart));

        ConsoleMessage stored = console.find("big").orElseThrow();
        assertThat(stored.text()).isEqualTo(text);
        assertThat(stored.blocks()).isEqualTo(blocks);
        assertThat(console.attachment("chart").orElseThrow().data()).isEqualTo(chart);
    }

    @Test
    void recentThreadsListsRootMessagesOfTheChannelNewestFirst() {
        console.insert(root("t1", "ops", T0));
        console.insert(root("t2", "ops", T0.plusSeconds(10)));
        console.insert(root("t3", "ops", T0.plusSeconds(20)));
        console.insert(root("elsewhere", "random", T0.plusSeconds(30)));
        console.insert(reply("t1-reply", "t1", T0.plusSeconds(40)));
        console.addReaction("t2", "bob", "eyes", T0.plusSeconds(50));

        List<ConsoleMessage> recent = console.recentThreads("ops", 2);

        assertThat(recent).extracting(ConsoleMessage::id).containsExactly("t3", "t2");
        assertThat(recent.get(1).reactions()).containsExactly(new Reaction("eyes", List.of("bob")));
        assertThat(console.recentThreads("ops", 10))
                .extracting(ConsoleMessage::id)
                .containsExactly("t3", "t2", "t1");
        assertThat(console.recentThreads("nobody-here", 10)).isEmpty();
    }

    @Test
    void countCountsEveryMessage() {
        console.insert(root("t1", "ops", T0));
        console.insert(reply("r1", "t1", T0.plusSeconds(1)));
        console.insert(root("t2", "random", T0.plusSeconds(2)));

        assertThat(console.count()).isEqualTo(3);
    }

    @Test
    void sameReactionRacedFromManyReplicasCountsOnce() {
        console.insert(root("m1", "ops", T0));
        List<ConsoleStore> replicas = List.of(console, anotherReplicaOf(console));

        List<Boolean> added = Race.of(8, racer -> replicas.get(racer % 2)
                .addReaction("m1", "bob", "white_check_mark", T0.plusSeconds(racer)));

        assertThat(added).containsOnlyOnce(true);
        assertThat(console.find("m1").orElseThrow().reactions())
                .containsExactly(new Reaction("white_check_mark", List.of("bob")));
    }

    @Test
    void reactionsOfManyPeopleAtOnceAreAllKept() {
        console.insert(root("m1", "ops", T0));
        List<ConsoleStore> replicas = List.of(console, anotherReplicaOf(console));

        Race.of(8, racer -> replicas.get(racer % 2).addReaction("m1", "user-" + racer, "eyes", T0));

        assertThat(console.find("m1").orElseThrow().reactions()).singleElement().satisfies(eyes -> assertThat(
                        eyes.users())
                .containsExactlyInAnyOrder(
                        "user-0", "user-1", "user-2", "user-3", "user-4", "user-5", "user-6", "user-7"));
    }
}
