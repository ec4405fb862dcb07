package dev.opsbot.core.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * Resolved people, kept in the database for a while so that a busy incident channel does not ask the directory for
 * every message. Shared by replicas; an entry past its expiry is never returned.
 */
public interface IdentityCache {
    Optional<Identity> find(String platform, String chatUserId, Instant now);

    void put(Identity identity, Instant expiresAt);

    /** Forgets a person (their mapping changed and they asked again with {@code whoami refresh}). */
    void evict(String platform, String chatUserId);
}
