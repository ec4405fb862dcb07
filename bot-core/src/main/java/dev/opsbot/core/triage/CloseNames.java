package dev.opsbot.core.triage;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Names near a mistyped one: by edit distance, plus names that contain it or are contained in it. */
public final class CloseNames {
    private CloseNames() {}

    public static List<String> closest(String wanted, Collection<String> names, int limit) {
        int tolerance = Math.max(2, wanted.length() / 3);
        return names.stream()
                .filter(name -> name.contains(wanted) || wanted.contains(name) || distance(wanted, name) <= tolerance)
                .sorted(Comparator.comparingInt((String name) -> distance(wanted, name))
                        .thenComparing(name -> name))
                .limit(limit)
                .toList();
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
