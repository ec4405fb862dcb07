package dev.opsbot.db.store;

import static dev.opsbot.db.generated.Tables.BOT_MESSAGE;

import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.store.BotMessage;
import dev.opsbot.core.store.BotMessageStore;
import dev.opsbot.db.generated.tables.records.BotMessageRecord;
import dev.opsbot.db.internal.Inserts;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/** The messages opsbot posted, in table {@code bot_message}. */
public final class JooqBotMessageStore implements BotMessageStore {
    private final DSLContext dsl;

    /** @param dsl a {@link dev.opsbot.db.Database#dsl()}, whose error translation this relies on */
    public JooqBotMessageStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public void record(BotMessage message) {
        MessageRef ref = message.ref();
        Inserts.ifAbsent(dsl.insertInto(BOT_MESSAGE)
                .set(BOT_MESSAGE.PLATFORM, ref.platform())
                .set(BOT_MESSAGE.MESSAGE_ID, ref.messageId())
                .set(BOT_MESSAGE.CHANNEL, ref.thread().channel())
                .set(BOT_MESSAGE.THREAD_ID, ref.thread().thread())
                .set(BOT_MESSAGE.KIND, message.kind())
                .set(BOT_MESSAGE.SUBJECT, message.subject())
                .set(BOT_MESSAGE.POSTED_AT, message.postedAt()));
    }

    @Override
    public Optional<BotMessage> find(String platform, String messageId) {
        return dsl.selectFrom(BOT_MESSAGE)
                .where(BOT_MESSAGE.PLATFORM.eq(platform))
                .and(BOT_MESSAGE.MESSAGE_ID.eq(messageId))
                .fetchOptional(JooqBotMessageStore::toMessage);
    }

    private static BotMessage toMessage(BotMessageRecord row) {
        ThreadRef thread = new ThreadRef(row.getPlatform(), row.getChannel(), row.getThreadId());
        return new BotMessage(
                new MessageRef(thread, row.getMessageId()), row.getKind(), row.getSubject(), row.getPostedAt());
    }
}
