package dev.opsbot.tools.cloudwatch;

import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.EvidenceSource;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.LogAnalyzer;
import dev.opsbot.core.triage.LogLine;
import dev.opsbot.core.triage.LogSignature;
import dev.opsbot.core.triage.SignalName;
import dev.opsbot.core.triage.SignalSeries;
import dev.opsbot.core.triage.SourceEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The service's signals and error-log signatures from CloudWatch. Each configured signal is one read; each that
 * fails or has no datapoints is a gap, the others stand. What was read is recorded as a check (judging is triage's
 * job). When nothing at all could be read, the first failure is thrown.
 */
public final class CloudWatchEvidence implements EvidenceSource {
    /** At most this many log signatures are kept. */
    static final int MAX_SIGNATURES = 10;

    private final CloudWatchSignals signals;
    private final Optional<CloudWatchLogSearch> logs;

    /** Signals and error logs. */
    public CloudWatchEvidence(CloudWatchSignals signals, CloudWatchLogSearch logs) {
        this.signals = Objects.requireNonNull(signals, "signals");
        this.logs = Optional.of(logs);
    }

    /** Signals only, for deployments whose logs are not in CloudWatch. */
    public CloudWatchEvidence(CloudWatchSignals signals) {
        this.signals = Objects.requireNonNull(signals, "signals");
        this.logs = Optional.empty();
    }

    @Override
    public String name() {
        return CloudWatchSignals.SOURCE;
    }

    @Override
    public SourceEvidence collect(Investigation investigation, ToolContext context) {
        SourceEvidence.Builder evidence = SourceEvidence.builder(name());
        List<SourceFailure> failures = new ArrayList<>();
        int answered = 0;
        for (SignalName signal : new TreeSet<>(signals.configured())) {
            try {
                readSignal(signal, investigation, context, evidence);
                answered++;
            } catch (SourceFailure failure) {
                failures.add(failure);
                evidence.gap("cloudwatch " + signal.jsonName() + ": " + failure.getMessage());
            }
        }
        if (logs.isPresent()) {
            try {
                readLogs(logs.get(), investigation, context, evidence);
                answered++;
            } catch (SourceFailure failure) {
                failures.add(failure);
                evidence.gap(
                        failure.getMessage().startsWith("cloudwatch logs")
                                ? failure.getMessage()
                                : "cloudwatch logs: " + failure.getMessage());
            }
        }
        if (answered == 0 && !failures.isEmpty()) {
            throw failures.getFirst();
        }
        return evidence.build();
    }

    private void readSignal(
            SignalName signal, Investigation investigation, ToolContext context, SourceEvidence.Builder evidence) {
        List<SignalSeries> series = signals.read(
                signal,
                investigation.service(),
                investigation.namespace(),
                investigation.from(),
                investigation.now(),
                context);
        if (series.isEmpty()) {
            evidence.gap("cloudwatch " + signal.jsonName() + ": no datapoints for " + investigation.service()
                    + " in the window");
            return;
        }
        series.forEach(evidence::signal);
        evidence.normal("cloudwatch " + signal.jsonName(), SignalText.describe(series));
    }

    private static void readLogs(
            CloudWatchLogSearch search,
            Investigation investigation,
            ToolContext context,
            SourceEvidence.Builder evidence) {
        List<LogLine> lines = search.errorLines(
                investigation.service(), investigation.namespace(), investigation.from(), investigation.now(), context);
        List<LogSignature> signatures = LogAnalyzer.signatures(
                CloudWatchSignals.SOURCE, lines, investigation.from(), investigation.now(), MAX_SIGNATURES);
        evidence.logs(signatures);
        evidence.normal(
                "cloudwatch logs",
                lines.size() + " error lines, " + signatures.size() + " signatures"
                        + (signatures.isEmpty()
                                ? ""
                                : "; most frequent: " + signatures.getFirst().count() + " x "
                                        + signatures.getFirst().signature()));
    }
}
