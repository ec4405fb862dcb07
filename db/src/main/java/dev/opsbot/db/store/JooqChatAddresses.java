package dev.opsbot.db.store;

import static dev.opsbot.db.generated.Tables.CHAT_ADDRESS;

import dev.opsbot.core.store.ChatAddresses;
import dev.opsbot.db.DuplicateKeyException;
import dev.opsbot.db.internal.Timestamps;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Chat addresses in table {@code chat_address}, one row per platform and key. Any replica may refresh a row at any
 * time (Teams' inbound writes a conversation's reference whenever it changes), so remembering is an upsert.
 */
public final class JooqChatAddresses implements ChatAddresses {
    private final DSLContext dsl;

    /** @param dsl a {@link dev.opsbot.db.Database#dsl()}, whose error translation this relies on */
    public JooqChatAddresses(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /**
     * An upsert: {@code ON CONFLICT ... DO UPDATE} on PostgreSQL, a {@code MERGE} on H2 (jOOQ renders each), as
     * {@link dev.opsbot.db.identity.JooqIdentityCache#put} does. H2's MERGE can lose to an insert of the same key made
     * at the same moment; the second attempt then updates.
     *
     * @throws IllegalArgumentException when the key or the address is longer than its column
     */
    @Override
    public void remember(String platform, String key, String address, Instant at) {
        Objects.requireNonNull(platform, "platform");
        fitting(CHAT_ADDRESS.ADDRESS_KEY, Objects.requireNonNull(key, "key"), platform, key);
        fitting(CHAT_ADDRESS.ADDRESS, Objects.requireNonNull(address, "address"), platform, key);
        Instant seen = Timestamps.cut(Objects.requireNonNull(at, "at"));
        try {
            upsert(platform, key, address, seen);
        } catch (DuplicateKeyException raced) {
            upsert(platform, key, address, seen);
        }
    }

    private void upsert(String platform, String key, String address, Instant at) {
        dsl.insertInto(CHAT_ADDRESS)
                .set(CHAT_ADDRESS.PLATFORM, platform)
                .set(CHAT_ADDRESS.ADDRESS_KEY, key)
                .set(CHAT_ADDRESS.ADDRESS, address)
                .set(CHAT_ADDRESS.UPDATED_AT, at)
                .onDuplicateKeyUpdate()
                .set(CHAT_ADDRESS.ADDRESS, address)
                .set(CHAT_ADDRESS.UPDATED_AT, at)
                .execute();
    }

    @Override
    public Optional<String> find(String platform, String key) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(key, "key");
        return dsl.select(CHAT_ADDRESS.ADDRESS)
                .from(CHAT_ADDRESS)
                .where(CHAT_ADDRESS.PLATFORM.eq(platform))
                .and(CHAT_ADDRESS.ADDRESS_KEY.eq(key))
                .fetchOptional(CHAT_ADDRESS.ADDRESS);
    }

    /** A clear error instead of the database's "value too long", which would not say whose address it was. */
    private static void fitting(Field<String> column, String text, String platform, String key) {
        int room = column.getDataType().length();
        if (text.length() > room) {
            throw new IllegalArgumentException("cannot remember the " + platform + " address of " + abbreviated(key)
                    + ": its " + column.getName() + " has " + text.length() + " characters, at most " + room + " fit");
        }
    }

    private static String abbreviated(String key) {
        return key.length() <= 80 ? key : key.substring(0, 80) + "...";
    }
}
