package dev.opsbot.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit log's hash chain: {@code hash = lowercase hex of SHA-256(prev_hash || event)}, where {@code prev_hash}
 * is the previous record's hash as its 64 ASCII hex digits and {@code event} the UTF-8 bytes of the canonical JSON.
 * Hex rather than raw bytes, so that anyone can check a record from an export with
 * {@code printf '%s%s' "$prev_hash" "$event" | sha256sum}.
 */
public final class HashChain {
    /** The {@code prev_hash} of the first record: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private HashChain() {}

    public static String next(String prevHash, String canonicalEvent) {
        MessageDigest sha256 = sha256();
        sha256.update(prevHash.getBytes(StandardCharsets.UTF_8));
        sha256.update(canonicalEvent.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(sha256.digest());
    }

    /** {@code true} for 64 lowercase hex digits, the only form a hash is stored in. */
    public static boolean isHash(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must have", e);
        }
    }
}
