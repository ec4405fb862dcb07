package dev.opsbot.app.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for unknown keys. A misspelt key would otherwise be ignored and its default used silently, which
 * is how a production bot ends up on the demo database; suggesting the near miss makes the fix one edit.
 */
final class Suggestions {
    private Suggestions() {}

    /**
     * The failure for key {@code name} under {@code parent} ("" for the top level) when only {@code known} keys
     * exist there: a "did you mean" for a near miss, otherwise the list of keys that do exist.
     */
    static ConfigException unknownKey(String parent, String name, Collection<String> known) {
        String fix = closest(name, known)
                .map(match -> "did you mean " + qualified(parent, match) + "?")
                .orElseGet(() -> (parent.isEmpty() ? "the top-level keys are " : "the keys under " + parent + " are ")
                        + String.join(", ", known));
        return new ConfigException(qualified(parent, name), null, "is not a known key", fix);
    }

    private static String qualified(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** The known key closest to {@code unknown}, if one is close enough to be what was meant. */
    static Optional<String> closest(String unknown, Collection<String> known) {
        String wanted = normalize(unknown);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String normalized = normalize(candidate);
            if (normalized.equals(wanted)) {
                return Optional.of(candidate); // only case, '_' or '-' differ: console_token, ConsoleToken
            }
            int distance = distance(wanted, normalized);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int tolerance = wanted.length() <= 4 ? 1 : wanted.length() <= 9 ? 2 : 3;
        return bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }

    private static String normalize(String key) {
        return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance, counting a swap of neighbours ("prot" for "port") as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
