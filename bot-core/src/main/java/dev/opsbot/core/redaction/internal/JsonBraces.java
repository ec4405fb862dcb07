package dev.opsbot.core.redaction.internal;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Where each JSON object in a text opens and closes, found in one forward pass (strings respected; a line break ends
 * a string, since JSON never holds a raw one, so stray quotes in surrounding log text cannot derail it). Answers "which
 * object is this position directly in" by binary search, so any number of lookups cost one pass over the text.
 */
final class JsonBraces {
    private int[] opens = new int[16];
    private int[] closes = new int[16];
    private int[] parents = new int[16];
    private int count;

    JsonBraces(String text) {
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        boolean inString = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"' || c == '\n') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                add(i, stack.isEmpty() ? -1 : stack.peek());
                stack.push(count - 1);
            } else if (c == '}' && !stack.isEmpty()) {
                closes[stack.pop()] = i + 1;
            }
        }
    }

    private void add(int open, int parent) {
        if (count == opens.length) {
            opens = Arrays.copyOf(opens, count * 2);
            closes = Arrays.copyOf(closes, count * 2);
            parents = Arrays.copyOf(parents, count * 2);
        }
        opens[count] = open;
        closes[count] = -1;
        parents[count] = parent;
        count++;
    }

    /** The index of the innermost object around {@code position}, or -1. */
    int around(int position) {
        int i = Arrays.binarySearch(opens, 0, count, position);
        i = i >= 0 ? i - 1 : -i - 2;
        while (i >= 0 && closes[i] >= 0 && closes[i] <= position) {
            i = parents[i];
        }
        return i;
    }

    /** The index of the object opening at {@code open}, or -1 when no object opens there. */
    int at(int open) {
        int i = Arrays.binarySearch(opens, 0, count, open);
        return i >= 0 ? i : -1;
    }

    int open(int object) {
        return opens[object];
    }

    /** The index just past the object's closing brace, or -1 when it never closes. */
    int close(int object) {
        return closes[object];
    }
}
