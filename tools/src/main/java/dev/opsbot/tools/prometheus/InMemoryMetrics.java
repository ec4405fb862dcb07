package dev.opsbot.tools.prometheus;

import dev.opsbot.tools.prometheus.MetricsQueryException.Kind;
import dev.opsbot.tools.prometheus.promql.Labels;
import dev.opsbot.tools.prometheus.promql.PromqlDialect;
import dev.opsbot.tools.prometheus.promql.PromqlEngine;
import dev.opsbot.tools.prometheus.promql.PromqlException;
import dev.opsbot.tools.prometheus.promql.RangeSeries;
import dev.opsbot.tools.prometheus.promql.SeriesStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Answers PromQL from samples held in memory (a scenario's {@code metrics/*.om}), with Prometheus' semantics for the
 * subset triage uses: selectors and matchers, range selectors, rate/irate/increase/delta, the *_over_time functions
 * triage needs, histogram_quantile, clamp, abs, time, vector, scalar, sum/avg/count/min/max by/without, arithmetic,
 * comparisons (with bool), and/or/unless, on/ignoring. Anything else is refused as {@link Kind#BAD_QUERY} naming the
 * construct. Thread-safe: the data is immutable once built.
 */
public final class InMemoryMetrics implements MetricsQuerier {
    private final PromqlEngine engine;
    private final QueryLimits limits;

    private InMemoryMetrics(PromqlEngine engine, QueryLimits limits) {
        this.engine = engine;
        this.limits = limits;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every {@code *.om} file of a scenario's {@code metrics} directory, with the default settings. */
    public static InMemoryMetrics fromDirectory(Path metricsDirectory) {
        return builder().addDirectory(metricsDirectory).build();
    }

    @Override
    public List<Series> range(String promql, Instant start, Instant end, Duration step) {
        limits.checkRange(start, end, step);
        return answer(() -> engine.range(promql, start.toEpochMilli(), end.toEpochMilli(), step.toMillis()));
    }

    @Override
    public List<Series> instant(String promql, Instant at) {
        return answer(() -> engine.instant(promql, at.toEpochMilli()));
    }

    private List<Series> answer(Supplier<List<RangeSeries>> query) {
        List<RangeSeries> result;
        try {
            result = query.get();
        } catch (PromqlException e) {
            throw new MetricsQueryException(Kind.BAD_QUERY, e.getMessage(), e);
        }
        limits.checkSeries(result.size());
        List<Series> series = new ArrayList<>(result.size());
        for (RangeSeries one : result) {
            limits.checkPoints(one.size());
            List<Point> points = new ArrayList<>(one.size());
            for (int i = 0; i < one.size(); i++) {
                points.add(new Point(Instant.ofEpochMilli(one.timestamps()[i]), one.values()[i]));
            }
            series.add(new Series(one.labels().asMap(), points));
        }
        return series;
    }

    /** Collects samples and settings. */
    public static final class Builder {
        private final SeriesStore.Builder store = SeriesStore.builder();
        private PromqlDialect dialect = PromqlDialect.PROMETHEUS_2;
        private Duration lookbackDelta = Duration.ofMinutes(5);
        private QueryLimits limits = QueryLimits.DEFAULT;

        private Builder() {}

        public Builder add(Collection<Sample> samples) {
            for (Sample sample : samples) {
                store.add(Labels.of(sample.labels()), sample.timestampMillis(), sample.value());
            }
            return this;
        }

        /**
         * Adds every {@code *.om} file in the directory; messages name them {@code <directory name>/<file name>}.
         *
         * @throws OpenMetricsFormatException when a file is not valid OpenMetrics
         * @throws UncheckedIOException when the directory cannot be read
         */
        public Builder addDirectory(Path directory) {
            String prefix = directory.getFileName() + "/";
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".om")).sorted().toList()) {
                    add(OpenMetricsParser.read(file, prefix + file.getFileName()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + directory, e);
            }
            return this;
        }

        /** Which Prometheus release to agree with where releases differ; Prometheus 2 by default. */
        public Builder dialect(PromqlDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** How far back an instant selector looks for a sample (Prometheus' --query.lookback-delta, 5 minutes). */
        public Builder lookbackDelta(Duration lookbackDelta) {
            if (lookbackDelta.isNegative() || lookbackDelta.isZero()) {
                throw new IllegalArgumentException("the lookback delta must be positive, not " + lookbackDelta);
            }
            this.lookbackDelta = lookbackDelta;
            return this;
        }

        public Builder limits(QueryLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * @throws IllegalArgumentException when one series has two different values at the same time (in two files)
         */
        public InMemoryMetrics build() {
            return new InMemoryMetrics(new PromqlEngine(store.build(), dialect, lookbackDelta), limits);
        }
    }
}
