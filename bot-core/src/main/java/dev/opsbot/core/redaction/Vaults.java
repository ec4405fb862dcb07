package dev.opsbot.core.redaction;

import dev.opsbot.core.chat.ThreadRef;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@link Vault} per conversation, in memory: keyed by the thread (or any string, such as an investigation id).
 * A vault unused for the idle time is dropped; beyond {@code maxVaults} the least recently used one is dropped. A
 * dropped vault forgets its secrets. Thread-safe.
 */
public final class Vaults {
    public static final int DEFAULT_MAX_VAULTS = 10_000;

    private final Duration idle;
    private final int maxVaults;
    private final int maxSecretsPerVault;
    private final Clock clock;
    private final LinkedHashMap<String, Vault> vaults = new LinkedHashMap<>(16, 0.75f, true);

    public Vaults(Duration idle, int maxVaults, int maxSecretsPerVault, Clock clock) {
        this.idle = Objects.requireNonNull(idle, "idle");
        if (maxVaults < 1) {
            throw new IllegalArgumentException("maxVaults must be at least 1, not " + maxVaults);
        }
        this.maxVaults = maxVaults;
        this.maxSecretsPerVault = maxSecretsPerVault;
        this.clock = Objects.requireNonNull(clock, "clock");
        Vault.create(idle, maxSecretsPerVault, clock); // fail now on a bad idle or size, not at first use
    }

    /** Vaults that forget after an hour unused, at most 10,000 of them, each with up to 10,000 secrets. */
    public static Vaults inMemory() {
        return new Vaults(Vault.DEFAULT_IDLE, DEFAULT_MAX_VAULTS, Vault.DEFAULT_MAX_SECRETS, Clock.systemUTC());
    }

    /** The vault of a chat thread. */
    public Vault forThread(ThreadRef thread) {
        Objects.requireNonNull(thread, "thread");
        return forKey(thread.platform() + "/" + thread.channel() + "/" + thread.thread());
    }

    /** The vault of a conversation named by {@code key}, made on first use. */
    public synchronized Vault forKey(String key) {
        Objects.requireNonNull(key, "key");
        dropExpired();
        Vault vault = vaults.computeIfAbsent(key, k -> Vault.create(idle, maxSecretsPerVault, clock));
        while (vaults.size() > maxVaults) {
            Iterator<Vault> eldest = vaults.values().iterator();
            eldest.next().clear();
            eldest.remove();
        }
        return vault;
    }

    /** How many conversations have a vault. */
    public synchronized int size() {
        dropExpired();
        return vaults.size();
    }

    @Override
    public synchronized String toString() {
        return "Vaults[" + vaults.size() + " conversations, "
                + vaults.values().stream().mapToInt(Vault::size).sum() + " secrets]";
    }

    /**
     * Drops expired vaults from the least recently looked-up end, stopping at the first live one: those looked up
     * after it are younger still, so a lookup costs little however many conversations there are.
     */
    private void dropExpired() {
        for (Iterator<Map.Entry<String, Vault>> it = vaults.entrySet().iterator(); it.hasNext(); ) {
            Vault vault = it.next().getValue();
            if (!vault.expired()) {
                return;
            }
            vault.clear();
            it.remove();
        }
    }
}
