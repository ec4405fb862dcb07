package dev.opsbot.db.identity;

import static dev.opsbot.db.generated.Tables.IDENTITY_CACHE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.IdentityCache;
import dev.opsbot.db.DuplicateKeyException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolved people in table {@code identity_cache}, one row per platform and chat user, the {@link Identity} as JSON.
 * Expired rows are never returned; {@link #purgeExpired} removes them.
 */
public final class JooqIdentityCache implements IdentityCache {
    private static final Logger log = LoggerFactory.getLogger(JooqIdentityCache.class);
    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final DSLContext dsl;

    /** @param dsl a {@link dev.opsbot.db.Database#dsl()}, whose error translation this relies on */
    public JooqIdentityCache(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public Optional<Identity> find(String platform, String chatUserId, Instant now) {
        Optional<String> json = dsl.select(IDENTITY_CACHE.IDENTITY)
                .from(IDENTITY_CACHE)
                .where(key(platform, chatUserId))
                .and(IDENTITY_CACHE.EXPIRES_AT.gt(now))
                .fetchOptional(IDENTITY_CACHE.IDENTITY);
        return json.flatMap(text -> read(platform, chatUserId, text));
    }

    /**
     * An upsert: {@code ON CONFLICT ... DO UPDATE} on PostgreSQL, a {@code MERGE} on H2 (jOOQ renders each). H2's
     * MERGE can still lose to an insert of the same key made at the same moment; the second attempt then updates.
     */
    @Override
    public void put(Identity identity, Instant expiresAt) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        String json = write(identity);
        try {
            upsert(identity, json, expiresAt);
        } catch (DuplicateKeyException raced) {
            upsert(identity, json, expiresAt);
        }
    }

    private void upsert(Identity identity, String json, Instant expiresAt) {
        dsl.insertInto(IDENTITY_CACHE)
                .set(IDENTITY_CACHE.PLATFORM, identity.platform())
                .set(IDENTITY_CACHE.CHAT_USER_ID, identity.chatUserId())
                .set(IDENTITY_CACHE.EMAIL, identity.email())
                .set(IDENTITY_CACHE.IDENTITY, json)
                .set(IDENTITY_CACHE.RESOLVED_AT, identity.resolvedAt())
                .set(IDENTITY_CACHE.EXPIRES_AT, expiresAt)
                .onDuplicateKeyUpdate()
                .set(IDENTITY_CACHE.EMAIL, identity.email())
                .set(IDENTITY_CACHE.IDENTITY, json)
                .set(IDENTITY_CACHE.RESOLVED_AT, identity.resolvedAt())
                .set(IDENTITY_CACHE.EXPIRES_AT, expiresAt)
                .execute();
    }

    @Override
    public void evict(String platform, String chatUserId) {
        dsl.deleteFrom(IDENTITY_CACHE).where(key(platform, chatUserId)).execute();
    }

    /** Deletes every entry expired at {@code now} (expiring at or before it); returns how many. */
    public int purgeExpired(Instant now) {
        return dsl.deleteFrom(IDENTITY_CACHE)
                .where(IDENTITY_CACHE.EXPIRES_AT.le(now))
                .execute();
    }

    /**
     * A row another opsbot version wrote may not read as this version's {@link Identity}: that is a miss, and the
     * row goes, unless someone has replaced it since (the delete names the text it could not read).
     */
    private Optional<Identity> read(String platform, String chatUserId, String json) {
        try {
            return Optional.of(JSON.readValue(json, Identity.class));
        } catch (JsonProcessingException unreadable) {
            log.warn(
                    "cached identity of {} user {} does not read as this version's Identity, resolving again: {}",
                    platform,
                    chatUserId,
                    unreadable.getOriginalMessage());
            dsl.deleteFrom(IDENTITY_CACHE)
                    .where(key(platform, chatUserId))
                    .and(IDENTITY_CACHE.IDENTITY.eq(json))
                    .execute();
            return Optional.empty();
        }
    }

    private static String write(Identity identity) {
        try {
            return JSON.writeValueAsString(identity);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("identity of " + identity.email() + " cannot be written as JSON", e);
        }
    }

    private static Condition key(String platform, String chatUserId) {
        return IDENTITY_CACHE.PLATFORM.eq(platform).and(IDENTITY_CACHE.CHAT_USER_ID.eq(chatUserId));
    }
}
