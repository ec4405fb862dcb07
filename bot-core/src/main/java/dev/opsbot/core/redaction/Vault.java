package dev.opsbot.core.redaction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.core.redaction.internal.JsonValues;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets of one conversation and their placeholders, in memory only. The same secret always gets the same
 * placeholder here; different secrets get different ones. Ids are an HMAC of the secret under a key of this vault,
 * so they say nothing about the secret and differ between conversations.
 *
 * <p>A vault unused for its idle time forgets everything (and takes a new key) the next time it is used: a
 * placeholder from before then is no longer restored. It holds at most {@code maxSecrets}; beyond that new secrets
 * still get stable placeholders but cannot be restored. It is never serialised, and {@link #toString()} shows counts
 * only. Thread-safe.
 */
public final class Vault {
    public static final Duration DEFAULT_IDLE = Duration.ofHours(1);
    public static final int DEFAULT_MAX_SECRETS = 10_000;
    private static final int ID_CHARS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration idle;
    private final int maxSecrets;
    private final Clock clock;
    private final Map<String, String> placeholders = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private volatile Instant lastUsed;
    private Mac mac;

    private Vault(Duration idle, int maxSecrets, Clock clock) {
        this.idle = Objects.requireNonNull(idle, "idle");
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("a vault's idle time must be positive, not " + idle);
        }
        if (maxSecrets < 1) {
            throw new IllegalArgumentException("a vault must hold at least one secret, not " + maxSecrets);
        }
        this.maxSecrets = maxSecrets;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastUsed = clock.instant();
        this.mac = newMac();
    }

    /** A vault with the defaults: forgets after an hour unused, holds up to 10,000 secrets. */
    public static Vault create() {
        return new Vault(DEFAULT_IDLE, DEFAULT_MAX_SECRETS, Clock.systemUTC());
    }

    public static Vault create(Duration idle, int maxSecrets, Clock clock) {
        return new Vault(idle, maxSecrets, clock);
    }

    /** The placeholder standing for {@code secret}: the one it already has, else a new one of {@code type}. */
    public String placeholder(String type, String secret) {
        Objects.requireNonNull(secret, "secret");
        touch();
        String known = placeholders.get(secret);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            known = placeholders.get(secret);
            if (known != null) {
                return known;
            }
            byte[] digest = mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            if (placeholders.size() >= maxSecrets) {
                // full: stable, but not restorable
                return new Placeholder(type, hex.substring(0, ID_CHARS)).toString();
            }
            String placeholder = null;
            for (int at = 0; placeholder == null || secrets.containsKey(placeholder); at += ID_CHARS) {
                String id = at + ID_CHARS <= hex.length() ? hex.substring(at, at + ID_CHARS) : hex.substring(0, 4) + at;
                placeholder = new Placeholder(type, id).toString();
            }
            // the way back first: a thread that finds the placeholder without the lock must be able to restore it
            secrets.put(placeholder, secret);
            placeholders.put(secret, placeholder);
            return placeholder;
        }
    }

    /**
     * {@code text} with every placeholder of this vault replaced by its secret; others (unknown, expired, another
     * conversation's) stay as they are. Only for a tool's own call: what it returns is the secret in clear.
     */
    public String restore(String text) {
        if (text == null || Placeholder.indexOf(text, 0) < 0) {
            return text;
        }
        touch();
        StringBuilder out = null;
        int copied = 0;
        for (int i = Placeholder.indexOf(text, 0); i >= 0; i = Placeholder.indexOf(text, i + 1)) {
            int end = Placeholder.endAt(text, i);
            String secret = end < 0 ? null : secrets.get(text.substring(i, end));
            if (secret != null) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, copied, i).append(secret);
                copied = end;
                i = end - 1;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * {@code text} with every secret this vault holds replaced by its placeholder, wherever it appears, even where
     * no detector would see it (a model repeating a password in prose). The secrets of one conversation are few, so
     * a plain search per secret is enough; secrets shorter than 6 characters are left alone, since searching for
     * them would hit ordinary words.
     */
    public String conceal(String text) {
        if (text == null || placeholders.isEmpty()) {
            return text;
        }
        String out = text;
        for (Map.Entry<String, String> known : placeholders.entrySet()) {
            if (known.getKey().length() >= 6 && out.contains(known.getKey())) {
                out = out.replace(known.getKey(), known.getValue());
            }
        }
        return out;
    }

    /** A copy of {@code value} with every text in it {@link #restore(String) restored}. */
    public JsonNode restore(JsonNode value) {
        return JsonValues.mapText(value, this::restore);
    }

    /** How many secrets it holds. */
    public int size() {
        return placeholders.size();
    }

    /** Whether it has been unused for longer than its idle time (it forgets everything when next used). */
    public boolean expired() {
        return clock.instant().isAfter(lastUsed.plus(idle));
    }

    /** Forgets every secret now. */
    public synchronized void clear() {
        placeholders.clear();
        secrets.clear();
        mac = newMac();
    }

    @Override
    public String toString() {
        return "Vault[" + size() + " secrets, idle " + idle + "]";
    }

    private void touch() {
        Instant now = clock.instant();
        if (now.isAfter(lastUsed.plus(idle))) {
            synchronized (this) {
                if (now.isAfter(lastUsed.plus(idle))) {
                    clear();
                }
            }
        }
        lastUsed = now;
    }

    private static Mac newMac() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
