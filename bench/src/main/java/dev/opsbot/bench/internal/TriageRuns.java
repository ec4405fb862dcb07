package dev.opsbot.bench.internal;

import dev.opsbot.core.triage.ObjectRef;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.result.Hypothesis;
import dev.opsbot.core.triage.result.SourceStatus;
import dev.opsbot.scenario.Expectation;
import dev.opsbot.scenario.Scenario;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the triage drivers check on every answer: the scenario's expected cause and culprit ranked first. */
public final class TriageRuns {
    private TriageRuns() {}

    /** Why the report's top hypothesis is not the scenario's expectation, or empty when it is. */
    public static Optional<String> wrongAnswer(Scenario scenario, TriageReport report) {
        Expectation expected = scenario.expectation()
                .orElseThrow(() -> new IllegalStateException("scenario " + scenario.name() + " has no expect:"));
        Hypothesis top = report.result().top();
        boolean causeOk = top.cause() == expected.cause();
        boolean culpritOk =
                expected.culprit().map(c -> c.equals(top.culprit().ref())).orElse(true);
        if (causeOk && culpritOk) {
            return Optional.empty();
        }
        return Optional.of("top hypothesis is " + top.cause().jsonName() + " on "
                + top.culprit().ref().display() + ", want " + expected.cause().jsonName()
                + expected.culprit()
                        .map(ObjectRef::display)
                        .map(d -> " on " + d)
                        .orElse("")
                + "; sources: " + sources(report));
    }

    /** "kubernetes ok 812 ms, prometheus ok 530 ms, ...". */
    public static String sources(TriageReport report) {
        return report.result().sources().stream()
                .map(s -> s.name() + " " + s.status() + " " + s.millis() + " ms"
                        + (s.status().equals(SourceStatus.OK) ? "" : " (" + s.detail() + ")"))
                .collect(Collectors.joining(", "));
    }

    /** "oom on Deployment shop/checkout (revision 42), 93 %". */
    public static String answer(TriageReport report) {
        Hypothesis top = report.result().top();
        return top.cause().jsonName() + " on " + top.culprit().ref().display()
                + (top.culprit().revision() == null
                        ? ""
                        : " (revision " + top.culprit().revision() + ")") + ", "
                + Math.round(top.confidence() * 100) + " %";
    }
}
