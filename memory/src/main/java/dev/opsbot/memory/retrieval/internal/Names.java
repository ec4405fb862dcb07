package dev.opsbot.memory.retrieval.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Service or namespace names as small ints, so a scan compares ints. Never shrinks (names are few). */
final class Names {
    /** A memory or question without one. */
    static final int NONE = -1;
    /** A question about a name no memory has: matches only memories without one. */
    static final int UNKNOWN = -2;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> lowerCase = new ArrayList<>();

    int intern(String name) {
        if (name == null) {
            return NONE;
        }
        return ids.computeIfAbsent(name, n -> {
            lowerCase.add(n.toLowerCase(Locale.ROOT));
            return lowerCase.size() - 1;
        });
    }

    /** The filter for a question's name: {@link #NONE} when it has none, {@link #UNKNOWN} when no memory has it. */
    int filter(String name) {
        if (name == null) {
            return NONE;
        }
        Integer id = ids.get(name);
        return id == null ? UNKNOWN : id;
    }

    static boolean matches(int memory, int filter) {
        return memory == NONE || filter == NONE || memory == filter;
    }

    int size() {
        return lowerCase.size();
    }

    /** The names that {@code lowerText} mentions as whole words ("checkout's" mentions checkout). */
    boolean[] mentionedIn(String lowerText) {
        boolean[] mentioned = new boolean[lowerCase.size()];
        for (int id = 0; id < mentioned.length; id++) {
            mentioned[id] = containsWord(lowerText, lowerCase.get(id));
        }
        return mentioned;
    }

    String lowerCase(int id) {
        return lowerCase.get(id);
    }

    static boolean containsWord(String text, String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }
}
