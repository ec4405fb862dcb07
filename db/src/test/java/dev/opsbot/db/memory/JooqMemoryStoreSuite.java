package dev.opsbot.db.memory;

import static dev.opsbot.db.generated.Tables.MEMORY_ITEM;
import static dev.opsbot.db.generated.Tables.MEMORY_VOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryStore;
import dev.opsbot.core.memory.StoredMemory;
import dev.opsbot.core.testing.contract.MemoryStoreContract;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.DbStores;
import dev.opsbot.db.testing.DatabaseExtension;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * The {@link MemoryStore} contract, plus what only the tables do: purging tombstones, the bytes of a vector, rows
 * this version cannot read. Each database's test class supplies its {@link DatabaseExtension}.
 */
abstract class JooqMemoryStoreSuite extends MemoryStoreContract {
    /** The subclass's static extension. */
    protected abstract DatabaseExtension db();

    @Override
    protected MemoryStore newStore() {
        return new JooqMemoryStore(db().emptied().dsl());
    }

    @Override
    protected MemoryStore anotherReplicaOf(MemoryStore store) {
        return new JooqMemoryStore(db().anotherReplica().dsl());
    }

    private DSLContext sql() {
        return db().database().dsl();
    }

    private JooqMemoryStore jooq() {
        return (JooqMemoryStore) store;
    }

    @Test
    void purgeDeletesTombstonesOlderThanTheCutoffWithTheirVotes() {
        add(memory("m-1"), 1);
        add(memory("m-2"), 2);
        add(memory("m-3"), 3);
        store.vote("m-1", "bob@example.com", 1, T0.plusSeconds(5));
        store.vote("m-3", "bob@example.com", 1, T0.plusSeconds(5));
        store.forget("m-1", T0.plusSeconds(10));
        store.forget("m-2", T0.plusSeconds(100));

        assertThat(jooq().purgeForgotten(T0.plusSeconds(100))).isEqualTo(1);

        assertThat(sql().fetch(MEMORY_ITEM).getValues(MEMORY_ITEM.ID)).containsExactlyInAnyOrder("m-2", "m-3");
        assertThat(sql().fetch(MEMORY_VOTE).getValues(MEMORY_VOTE.MEMORY_ID)).containsExactly("m-3");
        assertThat(store.changedSince(T0, 10))
                .extracting(stored -> stored.item().id(), StoredMemory::forgotten)
                .containsExactly(tuple("m-3", false), tuple("m-2", true));
    }

    @Test
    void purgeNeverDeletesAMemoryThatIsNotForgotten() {
        add(memory("m-1"), 1);

        assertThat(jooq().purgeForgotten(T0.plusSeconds(86_400 * 365))).isZero();

        assertThat(store.find("m-1")).contains(memory("m-1"));
    }

    @Test
    void purgedIdCanBeUsedAgain() {
        add(memory("m-1"), 1);
        store.forget("m-1", T0.plusSeconds(10));
        jooq().purgeForgotten(T0.plusSeconds(11));

        store.add(memory("m-1", null, T0.plusSeconds(20)), vector(2), T0.plusSeconds(20));

        assertThat(store.find("m-1")).contains(memory("m-1", null, T0.plusSeconds(20)));
    }

    @Test
    void voteOnAMemoryPurgedMeanwhileIsFalse() {
        add(memory("m-1"), 1);
        // what a vote finds when the tombstone goes between its look and its insert
        sql().deleteFrom(MEMORY_ITEM).execute();

        assertThat(store.vote("m-1", "bob@example.com", 1, T0.plusSeconds(5))).isFalse();
        assertThat(sql().fetchCount(MEMORY_VOTE)).isZero();
    }

    @Test
    void rowHoldsTheVectorAsLittleEndianFloatsAndTheKindByName() {
        store.add(memory("m-1"), new float[] {1.0f, -2.0f}, T0);

        var row = sql().fetchSingle(MEMORY_ITEM);

        assertThat(row.getVector()).containsExactly(0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0);
        assertThat(row.getKind()).isEqualTo("FACT");
        assertThat(row.getTeam()).isEqualTo(TEAM);
        assertThat(row.getLearnedAt()).isEqualTo(T0);
        assertThat(row.getForgotten()).isFalse();
    }

    @Test
    void longestTextFitsWhateverItsCharacters() {
        MemoryItem longest = new MemoryItem(
                "m-1",
                memory("m-1").kind(),
                "ü€".repeat(MemoryItem.MAX_TEXT / 2 - 1) + "😀",
                memory("m-1").scope(),
                memory("m-1").source(),
                0,
                0,
                0);

        store.add(longest, vector(1), T0);

        assertThat(store.find("m-1")).contains(longest);
    }

    @Test
    void vectorThatIsNoWholeNumberOfFloatsIsAnErrorNamingTheMemory() {
        add(memory("m-1"), 1);
        sql().update(MEMORY_ITEM).set(MEMORY_ITEM.VECTOR, new byte[7]).execute();

        assertThatThrownBy(() -> store.changedSince(T0.minusSeconds(1), 10))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("m-1")
                .hasMessageContaining("7 bytes");
    }

    @Test
    void kindThisVersionDoesNotKnowIsAnErrorNamingTheMemory() {
        add(memory("m-1"), 1);
        sql().update(MEMORY_ITEM).set(MEMORY_ITEM.KIND, "RUMOUR").execute();

        assertThatThrownBy(() -> store.find("m-1"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("m-1")
                .hasMessageContaining("RUMOUR");
    }

    @Test
    void dbStoresWiresThisStore() {
        add(memory("m-1"), 1);

        JooqMemoryStore memories = DbStores.of(db().database()).memories();

        assertThat(memories.list(TEAM, null, 10)).containsExactly(memory("m-1"));
        assertThat(memories.changedSince(Instant.EPOCH, 10)).hasSize(1);
    }
}
