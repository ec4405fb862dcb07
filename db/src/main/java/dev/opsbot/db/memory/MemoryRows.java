package dev.opsbot.db.memory;

import static dev.opsbot.db.generated.Tables.MEMORY_ITEM;
import static dev.opsbot.db.generated.Tables.MEMORY_VOTE;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.memory.StoredMemory;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.generated.tables.records.MemoryItemRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

/** Between {@link MemoryItem} and a row of {@code memory_item}, with the vote counts counted from {@code memory_vote}. */
final class MemoryRows {
    static final short UP = 1;
    static final short DOWN = -1;

    // counted when read, never stored: no path can let them drift from the votes (the primary key serves both)
    private static final Field<Integer> UP_VOTES = votes(UP).as("up_votes");
    private static final Field<Integer> DOWN_VOTES = votes(DOWN).as("down_votes");

    /** What {@link #toItem} reads. */
    static final List<SelectField<?>> ITEM = List.of(
            MEMORY_ITEM.ID,
            MEMORY_ITEM.KIND,
            MEMORY_ITEM.TEXT,
            MEMORY_ITEM.TEAM,
            MEMORY_ITEM.SERVICE,
            MEMORY_ITEM.NAMESPACE,
            MEMORY_ITEM.SOURCE_THREAD,
            MEMORY_ITEM.SOURCE_MESSAGE,
            MEMORY_ITEM.AUTHOR,
            MEMORY_ITEM.CHANNEL_NAME,
            MEMORY_ITEM.LEARNED_AT,
            MEMORY_ITEM.USES,
            UP_VOTES,
            DOWN_VOTES);

    /** What {@link #toStored} reads. */
    static final List<SelectField<?>> STORED =
            with(ITEM, MEMORY_ITEM.VECTOR, MEMORY_ITEM.CHANGED_AT, MEMORY_ITEM.FORGOTTEN);

    private MemoryRows() {}

    /** A new memory's row: unused, not forgotten, changed when it was added. */
    static MemoryItemRecord toRecord(DSLContext dsl, MemoryItem item, float[] vector, Instant at) {
        MemoryScope scope = item.scope();
        MemorySource source = item.source();
        MemoryItemRecord row = dsl.newRecord(MEMORY_ITEM);
        row.setId(item.id());
        row.setKind(item.kind().name());
        row.setText(item.text());
        row.setTeam(scope.team());
        row.setService(scope.service());
        row.setNamespace(scope.namespace());
        row.setSourceThread(source.thread());
        row.setSourceMessage(source.message());
        row.setAuthor(source.author());
        row.setChannelName(source.channelName());
        row.setLearnedAt(Micros.of(source.at()));
        row.setUses(0);
        row.setVector(VectorBytes.of(item.id(), vector));
        row.setForgotten(false);
        row.setChangedAt(Micros.of(at));
        return row;
    }

    static MemoryItem toItem(Record row) {
        String id = row.get(MEMORY_ITEM.ID);
        return new MemoryItem(
                id,
                kind(id, row.get(MEMORY_ITEM.KIND)),
                row.get(MEMORY_ITEM.TEXT),
                new MemoryScope(
                        row.get(MEMORY_ITEM.TEAM), row.get(MEMORY_ITEM.SERVICE), row.get(MEMORY_ITEM.NAMESPACE)),
                new MemorySource(
                        row.get(MEMORY_ITEM.SOURCE_THREAD),
                        row.get(MEMORY_ITEM.SOURCE_MESSAGE),
                        row.get(MEMORY_ITEM.AUTHOR),
                        row.get(MEMORY_ITEM.CHANNEL_NAME),
                        row.get(MEMORY_ITEM.LEARNED_AT)),
                row.get(MEMORY_ITEM.USES),
                row.get(UP_VOTES),
                row.get(DOWN_VOTES));
    }

    static StoredMemory toStored(Record row) {
        MemoryItem item = toItem(row);
        return new StoredMemory(
                item,
                VectorBytes.read(item.id(), row.get(MEMORY_ITEM.VECTOR)),
                row.get(MEMORY_ITEM.CHANGED_AT),
                row.get(MEMORY_ITEM.FORGOTTEN));
    }

    private static MemoryKind kind(String id, String name) {
        try {
            return MemoryKind.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            throw new DatabaseException(
                    "memory " + id + " has a kind this version does not know: " + name, false, unknown);
        }
    }

    private static Field<Integer> votes(short vote) {
        return DSL.field(DSL.selectCount()
                .from(MEMORY_VOTE)
                .where(MEMORY_VOTE.MEMORY_ID.eq(MEMORY_ITEM.ID))
                .and(MEMORY_VOTE.VOTE.eq(vote)));
    }

    private static List<SelectField<?>> with(List<SelectField<?>> fields, SelectField<?>... more) {
        List<SelectField<?>> all = new ArrayList<>(fields);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }
}
