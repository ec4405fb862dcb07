package dev.opsbot.app.ops;

import dev.opsbot.core.triage.InvestigationObserver;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.result.SourceStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Triage as a platform team watches it: answers by top cause, time to answer, and each source's time and outcome
 * (a source that keeps failing or slowing down shows here before anyone complains in chat).
 */
public final class MetricsInvestigationObserver implements InvestigationObserver {
    private final MeterRegistry registry;

    public MetricsInvestigationObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void answered(TriageReport report, Duration took) {
        Timer.builder("opsbot.triage.answered")
                .description("investigations answered in chat, by top cause; time from question to posted answer")
                .tag("cause", report.result().top().cause().jsonName())
                .register(registry)
                .record(took);
        for (SourceStatus source : report.result().sources()) {
            Timer.builder("opsbot.triage.source")
                    .description("time each evidence source took, by outcome (ok, partial, failed)")
                    .tag("source", source.name())
                    .tag("status", source.status())
                    .register(registry)
                    .record(Duration.ofMillis(source.millis()));
        }
    }

    @Override
    public void unknownService() {
        outcome("unknown_service").increment();
    }

    @Override
    public void failed(Throwable error) {
        outcome("failed").increment();
    }

    /** Refusals count as {@code refused_no_email}, {@code refused_no_mapped_group}, ... */
    @Override
    public void refused(String kind) {
        outcome("refused_" + kind).increment();
    }

    private Counter outcome(String outcome) {
        return Counter.builder("opsbot.triage.unanswered")
                .description(
                        "questions that got no triage answer: unknown service, the person could not be acted for, or the"
                                + " investigation failed")
                .tag("outcome", outcome)
                .register(registry);
    }
}
