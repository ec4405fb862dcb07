package dev.opsbot.core.testing;

import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.IdentityCache;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An {@link IdentityCache} in a map, for tests. */
public final class InMemoryIdentityCache implements IdentityCache {
    private record Key(String platform, String chatUserId) {}

    private record Entry(Identity identity, Instant expiresAt) {}

    private final Map<Key, Entry> entries = new HashMap<>();

    @Override
    public synchronized Optional<Identity> find(String platform, String chatUserId, Instant now) {
        Entry entry = entries.get(new Key(platform, chatUserId));
        return entry == null || !now.isBefore(entry.expiresAt()) ? Optional.empty() : Optional.of(entry.identity());
    }

    @Override
    public synchronized void put(Identity identity, Instant expiresAt) {
        entries.put(new Key(identity.platform(), identity.chatUserId()), new Entry(identity, expiresAt));
    }

    @Override
    public synchronized void evict(String platform, String chatUserId) {
        entries.remove(new Key(platform, chatUserId));
    }
}
