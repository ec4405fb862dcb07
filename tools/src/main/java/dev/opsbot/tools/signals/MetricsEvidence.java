package dev.opsbot.tools.signals;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.EvidenceSource;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.Sample;
import dev.opsbot.core.triage.SignalName;
import dev.opsbot.core.triage.SignalSeries;
import dev.opsbot.core.triage.SourceEvidence;
import dev.opsbot.tools.prometheus.MetricsQuerier;
import dev.opsbot.tools.prometheus.MetricsQueryException;
import dev.opsbot.tools.prometheus.Point;
import dev.opsbot.tools.prometheus.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The named signals of one service from a PromQL source (a real Prometheus, or a scenario's samples): every signal
 * is queried at once over the investigation window. A signal that fails becomes a gap; when every one fails for the
 * same reason (forbidden, down), the source as a whole has failed.
 */
public final class MetricsEvidence implements EvidenceSource {
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(30);
    static final int MAX_SERIES_PER_SIGNAL = 20;

    private final String name;
    private final MetricsQuerier metrics;
    private final SignalQueries queries;
    private final Duration step;

    public MetricsEvidence(String name, MetricsQuerier metrics, SignalQueries queries, Duration step) {
        this.name = name;
        this.metrics = metrics;
        this.queries = queries;
        this.step = step;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SourceEvidence collect(Investigation investigation, ToolContext context) {
        Map<SignalName, FutureTask<List<Series>>> calls = new EnumMap<>(SignalName.class);
        for (SignalName signal : SignalName.values()) {
            String promql = queries.render(signal, investigation.namespace(), investigation.service());
            FutureTask<List<Series>> call =
                    new FutureTask<>(() -> metrics.range(promql, investigation.from(), investigation.now(), step));
            calls.put(signal, call);
            Thread.ofVirtual().name("signal-" + signal.jsonName()).start(call);
        }
        SourceEvidence.Builder evidence = SourceEvidence.builder(name);
        List<MetricsQueryException> failures = new ArrayList<>();
        calls.forEach((signal, call) -> {
            try {
                List<SignalSeries> series = convert(signal, await(call, context));
                series.forEach(evidence::signal);
                if (!series.isEmpty()) {
                    SignalJudgement.Verdict verdict = SignalJudgement.judge(signal, series);
                    if (verdict.normal()) {
                        evidence.normal(signal.jsonName(), verdict.detail());
                    } else {
                        evidence.abnormal(signal.jsonName(), verdict.detail());
                    }
                }
            } catch (MetricsQueryException failure) {
                failures.add(failure);
                evidence.gap(signal.jsonName() + ": " + failure.getMessage());
            }
        });
        if (failures.size() == calls.size()) {
            throw sourceFailure(failures.getFirst());
        }
        return evidence.build();
    }

    private List<Series> await(FutureTask<List<Series>> call, ToolContext context) {
        try {
            return call.get(context.remaining().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new MetricsQueryException(MetricsQueryException.Kind.TIMEOUT, name + " did not answer in time", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MetricsQueryException failure) {
                throw failure;
            }
            throw new MetricsQueryException(
                    MetricsQueryException.Kind.UNAVAILABLE, name + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new MetricsQueryException(MetricsQueryException.Kind.TIMEOUT, name + " query was cancelled", e);
        }
    }

    private List<SignalSeries> convert(SignalName signal, List<Series> result) {
        return result.stream()
                .limit(MAX_SERIES_PER_SIGNAL)
                .map(series -> new SignalSeries(
                        signal,
                        name,
                        series.labels(),
                        series.points().stream().map(MetricsEvidence::sample).toList()))
                .toList();
    }

    private static Sample sample(Point point) {
        return new Sample(point.at(), point.value());
    }

    private SourceFailure sourceFailure(MetricsQueryException failure) {
        SourceFailure.Kind kind =
                switch (failure.kind()) {
                    case FORBIDDEN -> SourceFailure.Kind.FORBIDDEN;
                    case TIMEOUT -> SourceFailure.Kind.TIMEOUT;
                    case UNAVAILABLE -> SourceFailure.Kind.UNAVAILABLE;
                    case BAD_QUERY -> SourceFailure.Kind.BAD_REQUEST;
                };
        return new SourceFailure(name, kind, failure.getMessage(), failure);
    }
}
