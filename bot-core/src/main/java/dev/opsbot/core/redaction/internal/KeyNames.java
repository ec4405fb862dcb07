package dev.opsbot.core.redaction.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which keys name a secret, and of what type: {@code DB_PASSWORD}, {@code client_secret}, {@code x-auth-token},
 * {@code apiKey} do; {@code secretName}, {@code tokenUrl}, {@code password_file}, {@code max_tokens},
 * {@code aws_access_key_id} and {@code NextToken} do not (they name a reference, a setting or a page).
 *
 * <p>A key is normalised (lower case, {@code _ - .} and spaces dropped); its last secret word decides, and what
 * follows that word must be nothing or one of a few suffixes that still mean the value itself ({@code secret_key},
 * {@code password_value}).
 */
public final class KeyNames {
    /** A secret word in a key and the type it gives. Longer words first where one contains another. */
    private record Word(String word, String type) {}

    private static final List<Word> WORDS = List.of(
            new Word("password", "password"),
            new Word("passwd", "password"),
            new Word("passphrase", "password"),
            new Word("pwd", "password"),
            new Word("secret", "secret"),
            new Word("token", "token"),
            new Word("apikey", "api-key"),
            new Word("accesskey", "api-key"),
            new Word("privatekey", "private-key"),
            new Word("credentials", "credential"),
            new Word("credential", "credential"),
            new Word("auth", "token"));

    private static final Set<String> VALUE_SUFFIXES =
            Set.of("", "key", "value", "keybase", "base", "string", "data", "plain", "plaintext", "raw", "b64");
    /**
     * Keys whose values look random but are not secrets: pagination and idempotency tokens, and checksums of a secret
     * ({@code checksum/secret}, the annotation Helm charts use to roll pods when a Secret changes).
     */
    private static final List<String> NOT_SECRET_PREFIXES = List.of(
            "next",
            "page",
            "continuation",
            "pagination",
            "resume",
            "sync",
            "idempotency",
            "clientrequest",
            "cursor",
            "nextpage",
            "checksum/",
            "checksum",
            "sha256",
            "hash");

    private KeyNames() {}

    /** Lower-case words to search texts for: the keys {@link #typeOf} accepts all contain one of them. */
    public static List<String> keywords() {
        return List.of(
                "password",
                "passwd",
                "passphrase",
                "pwd",
                "secret",
                "token",
                "apikey",
                "api_key",
                "api-key",
                "accesskey",
                "access_key",
                "access-key",
                "privatekey",
                "private_key",
                "private-key",
                "credential",
                "auth");
    }

    /** The type of secret {@code key} names, or null when it names none. */
    public static String typeOf(String key) {
        String normal = normalise(key);
        for (Word word : WORDS) {
            int at = normal.lastIndexOf(word.word());
            if (at < 0) {
                continue;
            }
            String suffix = normal.substring(at + word.word().length());
            if (!VALUE_SUFFIXES.contains(suffix) && !isDigits(suffix)) {
                continue;
            }
            String prefix = normal.substring(0, at);
            for (String notSecret : NOT_SECRET_PREFIXES) {
                if (prefix.endsWith(notSecret)) {
                    return null;
                }
            }
            return word.word().equals("auth") && !prefix.isEmpty() && !prefix.endsWith("o") && !prefix.endsWith("x")
                    ? null // "basicauth" is a setting; "oauth", "x-auth" and "auth" alone hold the credential
                    : word.type();
        }
        return null;
    }

    static String normalise(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '_' && c != '-' && c != '.' && c != ' ' && c != '"' && c != '\'') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }
}
