package dev.opsbot.core.triage.rules;

import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.EvidenceSet;
import dev.opsbot.core.triage.Finding;
import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.OnsetDetector;
import dev.opsbot.core.triage.Sample;
import dev.opsbot.core.triage.SignalName;
import dev.opsbot.core.triage.SignalSeries;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.EvidenceItem;
import java.util.ArrayList;
import java.util.List;

/** Not enough replicas: an HPA at its maximum ({@code capacity}) or one that cannot scale ({@code hpa-broken}). */
final class ScalingRules {
    private ScalingRules() {}

    static List<Rule> all() {
        return List.of(ScalingRules::hpaAtMax, ScalingRules::hpaBroken);
    }

    static List<Candidate> hpaAtMax(EvidenceSet evidence) {
        List<Finding> atMax = evidence.findings(FindingKind.HPA_AT_MAX);
        if (atMax.isEmpty()) {
            return List.of();
        }
        Finding finding = atMax.getFirst();
        List<EvidenceItem> items = new ArrayList<>(Items.of(atMax));
        String load = loadGrowth(evidence, items);
        int max = parseInt(finding.attribute("max"));
        String summary = finding.subject().display() + " at its maximum of " + finding.attribute("max")
                + " replicas (wants " + finding.attribute("desired") + ")" + load;
        return List.of(new Candidate(
                Cause.CAPACITY,
                0.86,
                Culprit.of(finding.subject()),
                summary,
                items,
                max > 0 ? Remediations.raiseHpaMax(finding.subject(), max * 2) : null,
                finding.at(),
                false));
    }

    static List<Candidate> hpaBroken(EvidenceSet evidence) {
        List<Finding> failing = evidence.findings(FindingKind.HPA_FAILING);
        if (failing.isEmpty()) {
            return List.of();
        }
        Finding finding = failing.getFirst();
        List<EvidenceItem> items = new ArrayList<>(Items.of(failing));
        String summary = finding.subject().display() + " cannot scale (" + finding.attribute("reason") + ")"
                + loadGrowth(evidence, items);
        return List.of(new Candidate(
                Cause.HPA_BROKEN, 0.86, Culprit.of(finding.subject()), summary, items, null, finding.at(), false));
    }

    /** "; load x2.4 since 18:00" when the request rate grew, with the evidence added. */
    private static String loadGrowth(EvidenceSet evidence, List<EvidenceItem> items) {
        for (SignalSeries rate : evidence.signals(SignalName.REQUEST_RATE)) {
            List<Sample> samples = rate.samples();
            if (samples.size() < 4) {
                continue;
            }
            double baseline = samples.get(samples.size() / 8).value();
            double peak = rate.max();
            if (baseline > 0 && peak > 1.5 * baseline) {
                var since = OnsetDetector.firstAbove(samples, baseline * 1.5);
                String text = String.format("request rate up x%.1f", peak / baseline);
                items.add(new EvidenceItem(
                        rate.source(), since, text + " (" + fmt(baseline) + " -> " + fmt(peak) + " req/s)"));
                return "; " + text + (since == null ? "" : " since " + Times.clock(since));
            }
        }
        return "";
    }

    private static String fmt(double value) {
        return String.format("%.0f", value);
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
