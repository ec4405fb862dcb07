package dev.opsbot.memory.retrieval.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Which services each memory's text names, among the services some memory is scoped to: a memory taught without
 * "for checkout:" but saying "checkout needs 512Mi" is still about checkout. Found through the keyword index (a name's
 * first word), then confirmed on the text as a whole word. Not thread-safe: the owner's lock guards it.
 */
final class Mentions {
    private static final int[] NONE = new int[0];

    private final Map<String, int[]> namesByFirstWord = new HashMap<>();
    private int[][] byRow;

    Mentions(int capacity) {
        byRow = new int[capacity][];
        Arrays.fill(byRow, NONE);
    }

    void grow(int capacity) {
        int before = byRow.length;
        if (capacity > before) {
            byRow = Arrays.copyOf(byRow, capacity);
            Arrays.fill(byRow, before, capacity, NONE);
        }
    }

    int[] of(int row) {
        return byRow[row];
    }

    void clear(int row) {
        byRow[row] = NONE;
    }

    /** A service name seen for the first time: the rows already indexed that name it. */
    void nameAdded(int id, String lowerName, Postings postings, IntFunction<String> lowerTextOfRow) {
        List<String> words = Tokens.of(lowerName);
        if (words.isEmpty()) {
            return;
        }
        namesByFirstWord.merge(words.getFirst(), new int[] {id}, Mentions::union);
        postings.forEachRow(words.getFirst(), row -> {
            if (Names.containsWord(lowerTextOfRow.apply(row), lowerName)) {
                byRow[row] = union(byRow[row], new int[] {id});
            }
        });
    }

    /** A row indexed anew: the known names its text mentions. */
    void index(int row, String[] distinctWords, String lowerText, Names names) {
        int[] found = NONE;
        for (String word : distinctWords) {
            int[] candidates = namesByFirstWord.get(word);
            if (candidates == null) {
                continue;
            }
            for (int id : candidates) {
                if (Names.containsWord(lowerText, names.lowerCase(id))) {
                    found = union(found, new int[] {id});
                }
            }
        }
        byRow[row] = found;
    }

    private static int[] union(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        int size = a.length;
        for (int id : b) {
            if (Arrays.stream(a).noneMatch(x -> x == id)) {
                out[size++] = id;
            }
        }
        return size == out.length ? out : Arrays.copyOf(out, size);
    }
}
