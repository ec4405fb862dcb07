package dev.opsbot.db.console;

import static dev.opsbot.db.generated.Tables.CONSOLE_ATTACHMENT;
import static dev.opsbot.db.generated.Tables.CONSOLE_MESSAGE;
import static dev.opsbot.db.generated.Tables.CONSOLE_REACTION;

import dev.opsbot.core.console.AttachmentData;
import dev.opsbot.core.console.ConsoleMessage;
import dev.opsbot.core.console.ConsoleStore;
import dev.opsbot.db.DuplicateKeyException;
import dev.opsbot.db.internal.Inserts;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The web console's messages, reactions and attachments in tables {@code console_message},
 * {@code console_reaction} and {@code console_attachment}. Reads go through {@link ConsoleMessageReader}, which
 * loads any number of messages in three queries.
 */
public final class JooqConsoleStore implements ConsoleStore {
    private final DSLContext dsl;
    private final ConsoleMessageReader reader;

    /** @param dsl a {@link dev.opsbot.db.Database#dsl()}, whose error translation this relies on */
    public JooqConsoleStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.reader = new ConsoleMessageReader(dsl);
    }

    /** Stores the message itself; its attachments and reactions are added with their own methods. */
    @Override
    public void insert(ConsoleMessage message) {
        try {
            dsl.insertInto(CONSOLE_MESSAGE)
                    .set(CONSOLE_MESSAGE.ID, message.id())
                    .set(CONSOLE_MESSAGE.CHANNEL, message.channel())
                    .set(CONSOLE_MESSAGE.THREAD_ID, message.thread())
                    .set(CONSOLE_MESSAGE.USER_ID, message.user())
                    .set(CONSOLE_MESSAGE.TEXT, message.text())
                    .set(CONSOLE_MESSAGE.BLOCKS, message.blocks())
                    .set(CONSOLE_MESSAGE.TS, message.ts())
                    .execute();
        } catch (DuplicateKeyException e) {
            throw new DuplicateKeyException("console message " + message.id() + " exists already", e);
        }
    }

    @Override
    public boolean update(String messageId, String text, String blocks) {
        return dsl.update(CONSOLE_MESSAGE)
                        .set(CONSOLE_MESSAGE.TEXT, text)
                        .set(CONSOLE_MESSAGE.BLOCKS, blocks)
                        .where(CONSOLE_MESSAGE.ID.eq(messageId))
                        .execute()
                == 1;
    }

    @Override
    public Optional<ConsoleMessage> find(String messageId) {
        return reader.read(CONSOLE_MESSAGE.ID.eq(messageId), 1).stream().findFirst();
    }

    @Override
    public List<ConsoleMessage> thread(String threadId) {
        return reader.read(CONSOLE_MESSAGE.THREAD_ID.eq(threadId), Integer.MAX_VALUE);
    }

    @Override
    public List<ConsoleMessage> recentThreads(String channel, int limit) {
        return reader.readNewestFirst(
                CONSOLE_MESSAGE.CHANNEL.eq(channel).and(CONSOLE_MESSAGE.ID.eq(CONSOLE_MESSAGE.THREAD_ID)), limit);
    }

    @Override
    public boolean addReaction(String messageId, String user, String reaction, Instant at) {
        // false also for the same person's same reaction arriving twice at once (a double click on two replicas)
        return Inserts.ifAbsent(dsl.insertInto(CONSOLE_REACTION)
                .set(CONSOLE_REACTION.MESSAGE_ID, messageId)
                .set(CONSOLE_REACTION.USER_ID, user)
                .set(CONSOLE_REACTION.NAME, reaction)
                .set(CONSOLE_REACTION.REACTED_AT, at));
    }

    @Override
    public boolean removeReaction(String messageId, String user, String reaction) {
        return dsl.deleteFrom(CONSOLE_REACTION)
                        .where(CONSOLE_REACTION.MESSAGE_ID.eq(messageId))
                        .and(CONSOLE_REACTION.USER_ID.eq(user))
                        .and(CONSOLE_REACTION.NAME.eq(reaction))
                        .execute()
                == 1;
    }

    @Override
    public void addAttachment(AttachmentData attachment) {
        try {
            dsl.insertInto(CONSOLE_ATTACHMENT)
                    .set(CONSOLE_ATTACHMENT.ID, attachment.id())
                    .set(CONSOLE_ATTACHMENT.MESSAGE_ID, attachment.messageId())
                    .set(CONSOLE_ATTACHMENT.MEDIA_TYPE, attachment.type())
                    .set(CONSOLE_ATTACHMENT.TITLE, attachment.title())
                    .set(CONSOLE_ATTACHMENT.DATA, attachment.data())
                    .execute();
        } catch (DuplicateKeyException e) {
            throw new DuplicateKeyException("console attachment " + attachment.id() + " exists already", e);
        }
    }

    @Override
    public Optional<AttachmentData> attachment(String attachmentId) {
        return dsl.selectFrom(CONSOLE_ATTACHMENT)
                .where(CONSOLE_ATTACHMENT.ID.eq(attachmentId))
                .fetchOptional(row -> new AttachmentData(
                        row.getId(), row.getMessageId(), row.getMediaType(), row.getTitle(), row.getData()));
    }

    @Override
    public long count() {
        return dsl.fetchCount(CONSOLE_MESSAGE);
    }
}
