package dev.opsbot.scenario.internal;

import dev.opsbot.tools.prometheus.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The scenario's samples as they would be after the controller's rollouts. For each rollout, in order:
 *
 * <ul>
 *   <li>every series of a pod it deleted ends at the rollout (no sample after it);
 *   <li>every pod it started gets the series of the pod it behaves like, from the rollout on, for {@link #HORIZON}:
 *       a healthy pod replays the Deployment's pods of the baseline — the first quarter of the time from the
 *       Deployment's first sample to the scenario's {@code now}, the same stretch triage takes as "before the
 *       incident" — and a pod like a sibling replays that sibling's last {@link #RECENT} minutes.
 * </ul>
 *
 * Replaying keeps a series' shape: a gauge repeats its values, a counter ({@code _total}, {@code _count},
 * {@code _sum}, {@code _bucket}) starts at zero, as a new process's does, and grows by the same increments. So the
 * error ratio of a rolled-back service is what it was before the incident, and a restarted crash-looping service
 * keeps crashing — measured through the same PromQL as everything else.
 */
final class SeriesReplay {
    static final Duration HORIZON = Duration.ofHours(1);
    static final Duration RECENT = Duration.ofMinutes(10);
    private static final long DEFAULT_STEP = 30_000;

    private SeriesReplay() {}

    static List<Sample> apply(List<Sample> recorded, List<Rollout> rollouts, Instant scenarioNow) {
        Map<Map<String, String>, List<Sample>> series = new LinkedHashMap<>();
        for (Sample sample : recorded) {
            series.computeIfAbsent(sample.labels(), labels -> new ArrayList<>()).add(sample);
        }
        for (Rollout rollout : rollouts) {
            apply(series, rollout, scenarioNow);
        }
        List<Sample> all = new ArrayList<>();
        series.values().forEach(all::addAll);
        return all;
    }

    private static void apply(Map<Map<String, String>, List<Sample>> series, Rollout rollout, Instant scenarioNow) {
        long at = rollout.at().toEpochMilli();
        Map<String, List<Map<String, String>>> byPod = seriesByPod(series, rollout);
        List<String> baselinePods = baselinePods(series, byPod, scenarioNow);
        long baselineStart = earliest(series, byPod);
        long baselineEnd = baselineStart + (scenarioNow.toEpochMilli() - baselineStart) / 4;
        Map<Map<String, String>, List<Sample>> started = new LinkedHashMap<>();
        int healthy = 0;
        for (Rollout.NewPod pod : rollout.added()) {
            String source;
            long from;
            long to;
            if (pod.like() != null) {
                source = pod.like();
                from = at - RECENT.toMillis();
                to = at;
            } else if (!baselinePods.isEmpty()) {
                source = baselinePods.get(healthy++ % baselinePods.size());
                from = baselineStart;
                to = baselineEnd;
            } else {
                continue;
            }
            for (Map<String, String> labels : byPod.getOrDefault(source, List.of())) {
                Map<String, String> renamed = new TreeMap<>(labels);
                renamed.put("pod", pod.name());
                if (renamed.containsKey("node") && pod.node() != null) {
                    renamed.put("node", pod.node());
                }
                started.put(renamed, replay(renamed, segment(series.get(labels), from, to), at));
            }
        }
        for (String removed : rollout.removed()) {
            for (Map<String, String> labels : byPod.getOrDefault(removed, List.of())) {
                series.get(labels).removeIf(sample -> sample.timestampMillis() > at);
            }
        }
        started.forEach((labels, samples) -> series.merge(labels, samples, (before, after) -> {
            before.removeIf(sample -> sample.timestampMillis() > at);
            before.addAll(after);
            return before;
        }));
    }

    /** The series of the Deployment's pods, by pod: those in its namespace whose pod name has one of its prefixes. */
    private static Map<String, List<Map<String, String>>> seriesByPod(
            Map<Map<String, String>, List<Sample>> series, Rollout rollout) {
        Map<String, List<Map<String, String>>> byPod = new TreeMap<>();
        for (Map<String, String> labels : series.keySet()) {
            String pod = labels.get("pod");
            if (pod != null
                    && rollout.namespace().equals(labels.get("namespace"))
                    && rollout.podPrefixes().stream().anyMatch(pod::startsWith)) {
                byPod.computeIfAbsent(pod, p -> new ArrayList<>()).add(labels);
            }
        }
        return byPod;
    }

    private static long earliest(
            Map<Map<String, String>, List<Sample>> series, Map<String, List<Map<String, String>>> byPod) {
        return byPod.values().stream()
                .flatMap(List::stream)
                .flatMap(labels -> series.get(labels).stream())
                .mapToLong(Sample::timestampMillis)
                .min()
                .orElse(0);
    }

    /** The Deployment's pods that have samples in the baseline, by name. */
    private static List<String> baselinePods(
            Map<Map<String, String>, List<Sample>> series,
            Map<String, List<Map<String, String>>> byPod,
            Instant scenarioNow) {
        long start = earliest(series, byPod);
        long end = start + (scenarioNow.toEpochMilli() - start) / 4;
        TreeSet<String> pods = new TreeSet<>();
        byPod.forEach((pod, all) -> {
            boolean there = all.stream()
                    .flatMap(labels -> series.get(labels).stream())
                    .anyMatch(s -> s.timestampMillis() >= start && s.timestampMillis() <= end);
            if (there) {
                pods.add(pod);
            }
        });
        return List.copyOf(pods);
    }

    private static List<Sample> segment(List<Sample> samples, long from, long to) {
        List<Sample> within = samples.stream()
                .filter(s -> s.timestampMillis() >= from && s.timestampMillis() <= to)
                .sorted((a, b) -> Long.compare(a.timestampMillis(), b.timestampMillis()))
                .toList();
        if (within.size() >= 2) {
            return within;
        }
        return samples.stream()
                .filter(s -> s.timestampMillis() <= to)
                .sorted((a, b) -> Long.compare(a.timestampMillis(), b.timestampMillis()))
                .toList();
    }

    private static List<Sample> replay(Map<String, String> labels, List<Sample> segment, long at) {
        if (segment.isEmpty()) {
            return List.of();
        }
        long step = step(segment);
        int points = (int) (HORIZON.toMillis() / step);
        boolean counter = isCounter(labels.get(Sample.METRIC_NAME));
        double[] values = segment.stream().mapToDouble(Sample::value).toArray();
        double[] increments = increments(values);
        List<Sample> replayed = new ArrayList<>(points);
        double total = 0;
        for (int j = 0; j < points; j++) {
            double value;
            if (counter) {
                total += increments.length == 0 ? 0 : increments[j % increments.length];
                value = total;
            } else {
                value = values[j % values.length];
            }
            replayed.add(new Sample(labels, at + (j + 1) * step, value));
        }
        return replayed;
    }

    /** How much a counter grew between samples; a drop is a restart, where it grew by its new value. */
    private static double[] increments(double[] values) {
        if (values.length < 2) {
            return new double[0];
        }
        double[] increments = new double[values.length - 1];
        for (int i = 1; i < values.length; i++) {
            double delta = values[i] - values[i - 1];
            increments[i - 1] = delta >= 0 ? delta : values[i];
        }
        return increments;
    }

    /** The median interval between the segment's samples: its scrape interval. */
    private static long step(List<Sample> segment) {
        if (segment.size() < 2) {
            return DEFAULT_STEP;
        }
        long[] gaps = new long[segment.size() - 1];
        for (int i = 1; i < segment.size(); i++) {
            gaps[i - 1] = segment.get(i).timestampMillis() - segment.get(i - 1).timestampMillis();
        }
        Arrays.sort(gaps);
        long median = gaps[gaps.length / 2];
        return median < 1000 ? DEFAULT_STEP : median;
    }

    static boolean isCounter(String metric) {
        return metric != null
                && (metric.endsWith("_total")
                        || metric.endsWith("_count")
                        || metric.endsWith("_sum")
                        || metric.endsWith("_bucket"));
    }
}
