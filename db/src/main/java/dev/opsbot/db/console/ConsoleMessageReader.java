package dev.opsbot.db.console;

import static dev.opsbot.db.generated.Tables.CONSOLE_ATTACHMENT;
import static dev.opsbot.db.generated.Tables.CONSOLE_MESSAGE;
import static dev.opsbot.db.generated.Tables.CONSOLE_REACTION;

import dev.opsbot.core.console.ConsoleMessage;
import dev.opsbot.core.console.ConsoleMessage.Attachment;
import dev.opsbot.core.console.ConsoleMessage.Reaction;
import dev.opsbot.db.generated.tables.records.ConsoleMessageRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;

/**
 * Loads console messages with their attachments and reactions in three queries however many messages match (one
 * for the messages, one for all their attachments, one for all their reactions), never one per message.
 */
final class ConsoleMessageReader {
    private final DSLContext dsl;

    ConsoleMessageReader(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Matching messages oldest first. */
    List<ConsoleMessage> read(Condition which, int limit) {
        return load(which, limit, CONSOLE_MESSAGE.TS.asc(), CONSOLE_MESSAGE.SEQ.asc());
    }

    /** Matching messages newest first. */
    List<ConsoleMessage> readNewestFirst(Condition which, int limit) {
        return load(which, limit, CONSOLE_MESSAGE.TS.desc(), CONSOLE_MESSAGE.SEQ.desc());
    }

    private List<ConsoleMessage> load(Condition which, int limit, SortField<?>... order) {
        if (limit < 1) {
            return List.of();
        }
        List<ConsoleMessageRecord> rows = dsl.selectFrom(CONSOLE_MESSAGE)
                .where(which)
                .orderBy(order)
                .limit(limit)
                .fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(ConsoleMessageRecord::getId).toList();
        Map<String, List<Attachment>> attachments = attachmentsOf(ids);
        Map<String, List<Reaction>> reactions = reactionsOf(ids);
        return rows.stream()
                .map(row -> new ConsoleMessage(
                        row.getId(),
                        row.getChannel(),
                        row.getThreadId(),
                        row.getUserId(),
                        row.getText(),
                        row.getBlocks(),
                        row.getTs(),
                        attachments.getOrDefault(row.getId(), List.of()),
                        reactions.getOrDefault(row.getId(), List.of())))
                .toList();
    }

    /** Without the bytes: a thread can carry several MB of charts, fetched one by one by the browser. */
    private Map<String, List<Attachment>> attachmentsOf(List<String> messageIds) {
        Map<String, List<Attachment>> byMessage = new HashMap<>();
        dsl.select(
                        CONSOLE_ATTACHMENT.MESSAGE_ID,
                        CONSOLE_ATTACHMENT.ID,
                        CONSOLE_ATTACHMENT.MEDIA_TYPE,
                        CONSOLE_ATTACHMENT.TITLE)
                .from(CONSOLE_ATTACHMENT)
                .where(CONSOLE_ATTACHMENT.MESSAGE_ID.in(messageIds))
                .orderBy(CONSOLE_ATTACHMENT.SEQ)
                .forEach(row -> byMessage
                        .computeIfAbsent(row.value1(), id -> new ArrayList<>())
                        .add(new Attachment(row.value2(), row.value3(), row.value4())));
        return byMessage;
    }

    /** Reactions in the order they were first used on a message, each with its users in the order they reacted. */
    private Map<String, List<Reaction>> reactionsOf(List<String> messageIds) {
        Map<String, Map<String, List<String>>> usersByName = new HashMap<>();
        dsl.select(CONSOLE_REACTION.MESSAGE_ID, CONSOLE_REACTION.NAME, CONSOLE_REACTION.USER_ID)
                .from(CONSOLE_REACTION)
                .where(CONSOLE_REACTION.MESSAGE_ID.in(messageIds))
                .orderBy(CONSOLE_REACTION.REACTED_AT, CONSOLE_REACTION.SEQ)
                .forEach(row -> usersByName
                        .computeIfAbsent(row.value1(), id -> new LinkedHashMap<>())
                        .computeIfAbsent(row.value2(), name -> new ArrayList<>())
                        .add(row.value3()));
        Map<String, List<Reaction>> byMessage = new HashMap<>();
        usersByName.forEach((messageId, names) -> byMessage.put(
                messageId,
                names.entrySet().stream()
                        .map(entry -> new Reaction(entry.getKey(), entry.getValue()))
                        .toList()));
        return byMessage;
    }
}
