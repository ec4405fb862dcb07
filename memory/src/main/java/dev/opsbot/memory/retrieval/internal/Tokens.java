package dev.opsbot.memory.retrieval.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words for keyword matching: lower-case runs of letters and digits ({@code 5xx}, {@code oom}, {@code 512mi} and
 * {@code checkout} stay whole; {@code X-Forwarded-For} is three words), without a few dozen words every question has,
 * and with the commonest English endings cut so that "restarts", "restarted" and "restarting" meet. The stemming is
 * crude on purpose: it only has to treat the memory and the question alike.
 */
public final class Tokens {
    private static final Set<String> STOP_WORDS = Set.of(
            "a",
            "about",
            "after",
            "all",
            "an",
            "and",
            "any",
            "anything",
            "are",
            "as",
            "at",
            "be",
            "been",
            "but",
            "by",
            "can",
            "could",
            "did",
            "do",
            "does",
            "for",
            "from",
            "had",
            "has",
            "have",
            "how",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "me",
            "my",
            "of",
            "on",
            "or",
            "our",
            "should",
            "so",
            "some",
            "than",
            "that",
            "the",
            "their",
            "them",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "to",
            "us",
            "was",
            "we",
            "were",
            "what",
            "when",
            "where",
            "which",
            "who",
            "why",
            "will",
            "with",
            "would",
            "you",
            "your");

    private Tokens() {}

    /** The words of {@code text} in order, repeats kept (they count as term frequency). */
    public static List<String> of(String text) {
        List<String> tokens = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean wordChar = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                add(lower.substring(start, i), tokens);
                start = -1;
            }
        }
        return tokens;
    }

    private static void add(String word, List<String> tokens) {
        if (STOP_WORDS.contains(word) || (word.length() == 1 && !Character.isDigit(word.charAt(0)))) {
            return;
        }
        tokens.add(stem(word));
    }

    /** "pods" -> "pod", "restarting"/"restarted" -> "restart", "caches"/"cached"/"cache" -> "cach"; numbers stay. */
    static String stem(String word) {
        if (word.length() <= 3 || containsDigit(word)) {
            return word;
        }
        String w = word;
        if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("ing") && w.length() > 5) {
            w = w.substring(0, w.length() - 3);
        } else if (w.endsWith("ed") && w.length() > 4) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.endsWith("e") && w.length() > 3) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static boolean containsDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
