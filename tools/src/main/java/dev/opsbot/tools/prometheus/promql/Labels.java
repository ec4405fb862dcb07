package dev.opsbot.tools.prometheus.promql;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable label set, sorted by name, usable as a map key. A label with an empty value is the same as no label in
 * PromQL and in Prometheus' storage, so such labels are left out on construction.
 */
public final class Labels implements Comparable<Labels> {
    /** The label that holds a series' metric name. */
    public static final String METRIC_NAME = "__name__";

    public static final Labels EMPTY = new Labels(new TreeMap<>());

    private final SortedMap<String, String> labels;
    private final int hash;

    private Labels(TreeMap<String, String> labels) {
        this.labels = Collections.unmodifiableSortedMap(labels);
        this.hash = labels.hashCode();
    }

    public static Labels of(Map<String, String> labels) {
        TreeMap<String, String> copy = new TreeMap<>();
        labels.forEach((name, value) -> {
            if (!value.isEmpty()) {
                copy.put(name, value);
            }
        });
        return new Labels(copy);
    }

    /** Labels from alternating names and values: {@code Labels.of("pod", "a", "code", "500")}. */
    public static Labels of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return of(map);
    }

    /** The value of {@code name}, or the empty string when the label is absent (as PromQL matchers see it). */
    public String get(String name) {
        return labels.getOrDefault(name, "");
    }

    public SortedMap<String, String> asMap() {
        return labels;
    }

    public boolean isEmpty() {
        return labels.isEmpty();
    }

    public Labels withoutMetricName() {
        return labels.containsKey(METRIC_NAME) ? without(List.of(METRIC_NAME)) : this;
    }

    /** These labels with only {@code names} kept. */
    public Labels keep(Collection<String> names) {
        TreeMap<String, String> kept = new TreeMap<>();
        for (String name : names) {
            String value = labels.get(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return new Labels(kept);
    }

    /** These labels with {@code names} removed. */
    public Labels without(Collection<String> names) {
        TreeMap<String, String> rest = new TreeMap<>(labels);
        rest.keySet().removeAll(names);
        return new Labels(rest);
    }

    /** Orders label sets as Prometheus does: name by name, then value by value; a prefix sorts first. */
    @Override
    public int compareTo(Labels other) {
        Iterator<Map.Entry<String, String>> mine = labels.entrySet().iterator();
        Iterator<Map.Entry<String, String>> theirs = other.labels.entrySet().iterator();
        while (mine.hasNext() && theirs.hasNext()) {
            Map.Entry<String, String> a = mine.next();
            Map.Entry<String, String> b = theirs.next();
            int byName = a.getKey().compareTo(b.getKey());
            if (byName != 0) {
                return byName;
            }
            int byValue = a.getValue().compareTo(b.getValue());
            if (byValue != 0) {
                return byValue;
            }
        }
        return Boolean.compare(mine.hasNext(), theirs.hasNext());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Labels that && hash == that.hash && labels.equals(that.labels);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** PromQL notation: {@code http_requests_total{code="500", pod="a"}}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(labels.getOrDefault(METRIC_NAME, ""));
        StringBuilder inner = new StringBuilder();
        labels.forEach((name, value) -> {
            if (!name.equals(METRIC_NAME)) {
                inner.append(inner.isEmpty() ? "" : ", ")
                        .append(name)
                        .append("=\"")
                        .append(value.replace("\\", "\\\\")
                                .replace("\"", "\\\"")
                                .replace("\n", "\\n"))
                        .append('"');
            }
        });
        if (!inner.isEmpty() || text.isEmpty()) {
            text.append('{').append(inner).append('}');
        }
        return text.toString();
    }
}
