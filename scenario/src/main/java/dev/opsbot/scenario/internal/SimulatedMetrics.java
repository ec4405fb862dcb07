package dev.opsbot.scenario.internal;

import dev.opsbot.scenario.Scenario;
import dev.opsbot.scenario.ScenarioException;
import dev.opsbot.tools.prometheus.InMemoryMetrics;
import dev.opsbot.tools.prometheus.MetricsQuerier;
import dev.opsbot.tools.prometheus.Sample;
import dev.opsbot.tools.prometheus.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scenario's metrics, following the simulated controller: until it rolls anything out, exactly the samples of
 * {@code metrics/*.om}; after, those samples changed as {@link SeriesReplay} describes. The PromQL evaluator is rebuilt
 * when a rollout is recorded (a few tens of milliseconds for a scenario), not per query.
 */
public final class SimulatedMetrics implements MetricsQuerier {
    private final List<Sample> recorded;
    private final Rollouts rollouts;
    private final Instant scenarioNow;
    private InMemoryMetrics current;
    private long rolloutsSeen = -1;

    private SimulatedMetrics(List<Sample> recorded, Rollouts rollouts, Instant scenarioNow) {
        this.recorded = recorded;
        this.rollouts = rollouts;
        this.scenarioNow = scenarioNow;
    }

    /**
     * @throws ScenarioException when a file does not parse, or two files give one series different values at once
     */
    public static SimulatedMetrics of(Scenario scenario, Rollouts rollouts) {
        List<Sample> samples = new ArrayList<>();
        for (Map.Entry<String, String> file : scenario.metricFiles().entrySet()) {
            samples.addAll(MetricsCheck.parse(file.getValue(), "metrics/" + file.getKey()));
        }
        SimulatedMetrics metrics = new SimulatedMetrics(List.copyOf(samples), rollouts, scenario.now());
        metrics.evaluator();
        return metrics;
    }

    @Override
    public List<Series> range(String promql, Instant start, Instant end, Duration step) {
        return evaluator().range(promql, start, end, step);
    }

    @Override
    public List<Series> instant(String promql, Instant at) {
        return evaluator().instant(promql, at);
    }

    private synchronized InMemoryMetrics evaluator() {
        long version = rollouts.version();
        if (version != rolloutsSeen) {
            List<Rollout> all = rollouts.all();
            List<Sample> samples = all.isEmpty() ? recorded : SeriesReplay.apply(recorded, all, scenarioNow);
            try {
                current = InMemoryMetrics.builder().add(samples).build();
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("metrics", e.getMessage());
            }
            rolloutsSeen = version;
        }
        return current;
    }
}
