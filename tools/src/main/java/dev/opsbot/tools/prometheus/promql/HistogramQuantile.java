package dev.opsbot.tools.prometheus.promql;

import dev.opsbot.tools.prometheus.promql.Value.InstantVector;
import dev.opsbot.tools.prometheus.promql.Value.VectorSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * histogram_quantile() over classic histograms ({@code _bucket} series with an {@code le} label), copied from
 * Prometheus' {@code bucketQuantile} (promql/quantile.go): linear interpolation inside the bucket the rank falls in,
 * a lower bound of 0 for the first bucket, and the second-highest bound when the rank falls in the +Inf bucket.
 */
final class HistogramQuantile {
    private static final List<String> BUCKET_LABEL = List.of("le");
    private static final double SMALL_DELTA_TOLERANCE = 1e-12;

    private HistogramQuantile() {}

    private record Bucket(double upperBound, double count) {}

    static InstantVector of(double quantile, InstantVector buckets, PromqlDialect dialect) {
        // Grouped by every label but le, the metric name included, as Prometheus does; the name goes afterwards.
        Map<Labels, List<Bucket>> histograms = new LinkedHashMap<>();
        for (VectorSample sample : buckets.samples()) {
            double upperBound;
            try {
                upperBound = GoFloat.parse(sample.labels().get("le"));
            } catch (NumberFormatException e) {
                continue; // Prometheus skips a sample without a usable le label, silently.
            }
            histograms
                    .computeIfAbsent(sample.labels().without(BUCKET_LABEL), any -> new ArrayList<>())
                    .add(new Bucket(upperBound, sample.value()));
        }
        List<VectorSample> out = new ArrayList<>();
        histograms.forEach((labels, bucketList) ->
                out.add(new VectorSample(labels.withoutMetricName(), quantile(quantile, bucketList, dialect))));
        return new InstantVector(out);
    }

    private static double quantile(double q, List<Bucket> unsorted, PromqlDialect dialect) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        Bucket[] sorted = unsorted.toArray(Bucket[]::new);
        Arrays.sort(sorted, (a, b) -> Double.compare(a.upperBound(), b.upperBound()));
        if (sorted[sorted.length - 1].upperBound() != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        double[] bounds = new double[sorted.length];
        double[] counts = new double[sorted.length];
        int size = coalesce(sorted, bounds, counts);
        if (dialect.version3()) {
            ensureMonotonicIgnoringSmallDeltas(counts, size);
        } else {
            ensureMonotonic(counts, size);
        }
        if (size < 2) {
            return Double.NaN;
        }
        double observations = counts[size - 1];
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = search(size - 1, counts, rank);
        if (b == size - 1) {
            return bounds[size - 2];
        }
        if (b == 0 && bounds[0] <= 0) {
            return bounds[0];
        }
        double bucketStart = 0;
        double bucketEnd = bounds[b];
        double count = counts[b];
        if (b > 0) {
            bucketStart = bounds[b - 1];
            count -= counts[b - 1];
            rank -= counts[b - 1];
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count);
    }

    /** Merges buckets with the same bound (from series that differ in a label the query dropped). */
    private static int coalesce(Bucket[] sorted, double[] bounds, double[] counts) {
        int size = 0;
        for (Bucket bucket : sorted) {
            if (size > 0 && bounds[size - 1] == bucket.upperBound()) {
                counts[size - 1] += bucket.count();
            } else {
                bounds[size] = bucket.upperBound();
                counts[size] = bucket.count();
                size++;
            }
        }
        return size;
    }

    /** Buckets scraped at slightly different moments can be non-cumulative; a lower count is raised to the maximum. */
    private static void ensureMonotonic(double[] counts, int size) {
        double max = counts[0];
        for (int i = 1; i < size; i++) {
            if (counts[i] > max) {
                max = counts[i];
            } else if (counts[i] < max) {
                counts[i] = max;
            }
        }
    }

    private static void ensureMonotonicIgnoringSmallDeltas(double[] counts, int size) {
        double previous = counts[0];
        for (int i = 1; i < size; i++) {
            double current = counts[i];
            if (current == previous) {
                continue;
            }
            if (almostEqual(previous, current) || current < previous) {
                counts[i] = previous;
                continue;
            }
            previous = current;
        }
    }

    /** Prometheus' util/almost.Equal with a relative tolerance of 1e-12. */
    private static boolean almostEqual(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return true;
        }
        if (a == b) {
            return true;
        }
        double absSum = Math.abs(a) + Math.abs(b);
        double diff = Math.abs(a - b);
        if (a == 0 || b == 0 || absSum < Double.MIN_NORMAL) {
            return diff < SMALL_DELTA_TOLERANCE * Double.MIN_NORMAL;
        }
        return diff / Math.min(absSum, Double.MAX_VALUE) < SMALL_DELTA_TOLERANCE;
    }

    /** Go's sort.Search: the first index in [0, n) whose count reaches the rank, by bisection. */
    private static int search(int n, double[] counts, double rank) {
        int low = 0;
        int high = n;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (counts[middle] >= rank) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
