package dev.opsbot.core.testing;

import dev.opsbot.core.store.ChatAddresses;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Chat addresses in a map, for tests of our own code; the database store passes the same contract suite. */
public final class InMemoryChatAddresses implements ChatAddresses {
    private final Map<String, String> addresses = new ConcurrentHashMap<>();

    @Override
    public void remember(String platform, String key, String address, Instant at) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(at, "at");
        addresses.put(key(platform, key), address);
    }

    @Override
    public Optional<String> find(String platform, String key) {
        return Optional.ofNullable(addresses.get(key(platform, key)));
    }

    private static String key(String platform, String key) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(key, "key");
        return platform + "\u0000" + key;
    }
}
