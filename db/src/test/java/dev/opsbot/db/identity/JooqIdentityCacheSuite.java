package dev.opsbot.db.identity;

import static dev.opsbot.db.generated.Tables.IDENTITY_CACHE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.identity.IdentityCache;
import dev.opsbot.core.testing.contract.IdentityCacheContract;
import dev.opsbot.core.testing.identity.People;
import dev.opsbot.db.DbStores;
import dev.opsbot.db.testing.DatabaseExtension;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * The {@link IdentityCache} contract, plus what only the table does: purging, the columns an operator reads, rows
 * an older or newer opsbot wrote. Each database's test class supplies its {@link DatabaseExtension}.
 */
abstract class JooqIdentityCacheSuite extends IdentityCacheContract {
    /** The subclass's static extension. */
    protected abstract DatabaseExtension db();

    @Override
    protected IdentityCache newCache() {
        return new JooqIdentityCache(db().emptied().dsl());
    }

    @Override
    protected IdentityCache anotherReplicaOf(IdentityCache cache) {
        return new JooqIdentityCache(db().anotherReplica().dsl());
    }

    private DSLContext sql() {
        return db().database().dsl();
    }

    @Test
    void purgeExpiredDeletesWhatExpiredAtOrBeforeNowAndCountsIt() {
        cache.put(People.alice(), NOW.plusSeconds(60));
        cache.put(People.bob(), NOW.plusSeconds(120));
        cache.put(People.carol(), LATER);

        int purged = ((JooqIdentityCache) cache).purgeExpired(NOW.plusSeconds(120));

        assertThat(purged).isEqualTo(2);
        assertThat(sql().fetch(IDENTITY_CACHE).getValues(IDENTITY_CACHE.CHAT_USER_ID))
                .containsExactly("carol");
        assertThat(cache.find("console", "carol", NOW)).contains(People.carol());
    }

    @Test
    void rowKeepsTheEmailAndTimesBesideTheJsonForOperators() {
        cache.put(People.alice(), LATER);

        var row = sql().fetchSingle(IDENTITY_CACHE);

        assertThat(row.getPlatform()).isEqualTo("console");
        assertThat(row.getChatUserId()).isEqualTo("alice");
        assertThat(row.getEmail()).isEqualTo("alice@example.com");
        assertThat(row.getResolvedAt()).isEqualTo(People.RESOLVED);
        assertThat(row.getExpiresAt()).isEqualTo(LATER);
        assertThat(row.getIdentity())
                .contains("\"email\":\"alice@example.com\"")
                .contains("\"resolvedAt\":\"2026-03-10T02:00:00Z\"");
    }

    @Test
    void rowThatNoLongerReadsAsAnIdentityIsAMissAndIsDeleted() {
        cache.put(People.alice(), LATER);
        cache.put(People.bob(), LATER);
        // what an opsbot whose Identity had other fields might have written
        sql().update(IDENTITY_CACHE)
                .set(IDENTITY_CACHE.IDENTITY, "{\"platform\":\"console\",\"chatUserId\":\"alice\",\"mail\":\"a@b\"}")
                .where(IDENTITY_CACHE.CHAT_USER_ID.eq("alice"))
                .execute();

        assertThat(cache.find("console", "alice", NOW)).isEmpty();

        assertThat(sql().fetch(IDENTITY_CACHE).getValues(IDENTITY_CACHE.CHAT_USER_ID))
                .containsExactly("bob");
        cache.put(People.alice(), LATER);
        assertThat(cache.find("console", "alice", NOW)).contains(People.alice());
    }

    @Test
    void dbStoresWiresThisCache() {
        cache.put(People.alice(), LATER);

        assertThat(DbStores.of(db().database()).identityCache().find("console", "alice", NOW))
                .contains(People.alice());
    }
}
