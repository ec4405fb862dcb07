package dev.opsbot.core.redaction.internal;

import dev.opsbot.core.redaction.Detector;
import dev.opsbot.core.redaction.Vault;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One redaction of one text: collects what the detectors report, settles overlaps (higher priority, then longer,
 * then earlier wins) and writes the result. Text that must stay as it is (a placeholder already there) is reported
 * with the highest priority and no type. Not thread-safe: one per call.
 */
public final class Scan implements Detector.Found {
    /** One accepted span: {@code type} null means "keep as is". */
    public record Span(String type, int start, int end) {}

    private final String text;
    private final int detectors;
    // allocated on first use: most texts (a log line, a tool's summary) wake few detectors and hold no secret
    private int[] examined;
    private Object[] memos;
    private int current;
    private int count;
    private int[] starts;
    private int[] ends;
    private int[] priorities;
    private String[] types;

    public Scan(String text, int detectors) {
        this.text = text;
        this.detectors = detectors;
    }

    /** Whether detector {@code detector} should look at a hit at {@code position}; if so, it becomes current. */
    public boolean enter(int detector, int position) {
        if (examined != null && position < examined[detector]) {
            return false;
        }
        current = detector;
        return true;
    }

    @Override
    public void secret(String type, int start, int end, int priority) {
        if (start < 0 || end > text.length() || start >= end) {
            return;
        }
        if (starts == null) {
            starts = new int[8];
            ends = new int[8];
            priorities = new int[8];
            types = new String[8];
        }
        if (count == starts.length) {
            int size = count * 2;
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
            priorities = Arrays.copyOf(priorities, size);
            types = Arrays.copyOf(types, size);
        }
        starts[count] = start;
        ends[count] = end;
        priorities[count] = priority;
        types[count] = type;
        count++;
    }

    /** Marks {@code text[start, end)} to be left exactly as it is. */
    public void keep(int start, int end) {
        secret(null, start, end, Integer.MAX_VALUE);
    }

    @Override
    public void examined(int until) {
        if (examined == null) {
            examined = new int[detectors];
        }
        examined[current] = Math.max(examined[current], until);
    }

    @Override
    public Object memo() {
        return memos == null ? null : memos[current];
    }

    @Override
    public void memo(Object value) {
        if (memos == null) {
            memos = new Object[detectors];
        }
        memos[current] = value;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The spans that survive overlap resolution, in text order. */
    public List<Span> spans() {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                Comparator.<Integer>comparingInt(i -> -priorities[i])
                        .thenComparingInt(i -> -(ends[i] - starts[i]))
                        .thenComparingInt(i -> starts[i]));
        TreeMap<Integer, Integer> accepted = new TreeMap<>();
        List<Span> spans = new ArrayList<>();
        for (int i : order) {
            if (!overlaps(accepted, starts[i], ends[i])) {
                accepted.put(starts[i], ends[i]);
                spans.add(new Span(types[i], starts[i], ends[i]));
            }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        return spans;
    }

    /** The text with every surviving secret replaced by its placeholder from {@code vault}. */
    public String render(Vault vault) {
        List<Span> spans = spans();
        StringBuilder out = new StringBuilder(text.length() + 40 * spans.size());
        int copied = 0;
        for (Span span : spans) {
            if (span.type() == null) {
                continue;
            }
            out.append(text, copied, span.start());
            out.append(vault.placeholder(span.type(), text.substring(span.start(), span.end())));
            copied = span.end();
        }
        return copied == 0 && out.isEmpty()
                ? text
                : out.append(text, copied, text.length()).toString();
    }

    private static boolean overlaps(TreeMap<Integer, Integer> accepted, int start, int end) {
        Map.Entry<Integer, Integer> before = accepted.floorEntry(start);
        if (before != null && before.getValue() > start) {
            return true;
        }
        Map.Entry<Integer, Integer> after = accepted.ceilingEntry(start);
        return after != null && after.getKey() < end;
    }
}
