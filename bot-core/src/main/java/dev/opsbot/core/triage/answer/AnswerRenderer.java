package dev.opsbot.core.triage.answer;

import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.EvidenceItem;
import dev.opsbot.core.triage.result.Hypothesis;
import dev.opsbot.core.triage.result.SourceStatus;
import dev.opsbot.core.triage.result.Symptom;
import dev.opsbot.core.triage.result.TriageResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The answer in chat: a verdict in a sentence or two, the evidence with times, the confidence, what was checked and
 * found normal, the sources that failed, the chart, and the fix as a proposal (approved in a later step).
 *
 * <p>The evidence arrives redacted (see {@code SourceEvidence.Builder}); every text taken from it is redacted once
 * more here, so that a secret that reached a result some other way still never reaches the chat.
 */
public final class AnswerRenderer {
    public static final String APPROVE = "white_check_mark";
    public static final String REJECT = "x";
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final int OTHER_HYPOTHESES = 2;
    private static final int NORMAL_SHOWN = 6;

    private final ChartRenderer charts;

    public AnswerRenderer(ChartRenderer charts) {
        this.charts = charts;
    }

    public Reply render(TriageReport report, String requester) {
        TriageResult result = report.result();
        Hypothesis top = result.top();
        Vault vault = Vault.create();
        UnaryOperator<String> clean = text -> Redactor.standard().redact(text, vault);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(clean.apply(heading(result))));
        blocks.add(new Block.Paragraph(clean.apply(verdict(result))));
        blocks.add(new Block.Fields(List.of(
                new Block.Field("Cause", top.cause().jsonName()),
                new Block.Field("Confidence", percent(top.confidence())),
                new Block.Field("Culprit", culprit(top.culprit())),
                new Block.Field("Onset", onset(result.symptom())))));
        if (!top.evidence().isEmpty()) {
            blocks.add(new Block.EvidenceList("Evidence", evidence(top.evidence(), clean)));
        }
        charts.render(report).ifPresent(blocks::add);
        if (top.remediation() != null) {
            // the proposal itself is its own message, posted by the approval flow, so reactions on it are votes
            blocks.add(new Block.Paragraph("Proposed fix: *" + Operations.describe(top.remediation()) + "*"));
        }
        others(result).map(text -> new Block.Paragraph(clean.apply(text))).ifPresent(blocks::add);
        blocks.add(new Block.Context(clean.apply(context(result))));
        return new Reply(clean.apply(text(result)), blocks);
    }

    private static String heading(TriageResult result) {
        Hypothesis top = result.top();
        String symptom = result.symptom().kind().replace("http_5xx", "5xx").replace('_', ' ');
        return switch (top.cause()) {
            case HEALTHY -> result.service() + ": no " + symptom + " found";
            case UNKNOWN -> result.service() + " " + symptom + ": cause not found";
            default -> result.service() + " " + symptom + ": " + top.cause().jsonName();
        };
    }

    private static String verdict(TriageResult result) {
        Hypothesis top = result.top();
        Symptom symptom = result.symptom();
        String when = symptom.present()
                ? " " + symptom.kind().replace("http_5xx", "5xx").replace('_', ' ') + " since "
                        + CLOCK.format(symptom.onset()) + peak(symptom) + "."
                : "";
        if (top.cause() == Cause.HEALTHY) {
            return capitalise(top.summary()) + ".";
        }
        String lead = top.cause() == Cause.UNKNOWN
                ? ""
                : "Most likely *" + top.cause().jsonName() + "*: ";
        return lead + top.summary() + "." + when;
    }

    private static String peak(Symptom symptom) {
        if (symptom.kind().equals("http_5xx") || symptom.kind().equals("down")) {
            return ", peaking at " + percent(symptom.peak()) + " of requests";
        }
        if (symptom.kind().equals("latency")) {
            return String.format(Locale.ROOT, ", p99 up to %.2f s", symptom.peak());
        }
        return "";
    }

    private static List<Block.Evidence> evidence(List<EvidenceItem> items, UnaryOperator<String> clean) {
        return items.stream()
                .map(item -> new Block.Evidence(item.source(), item.at(), clean.apply(item.detail())))
                .toList();
    }

    private static java.util.Optional<String> others(TriageResult result) {
        List<Hypothesis> others =
                result.hypotheses().stream().skip(1).limit(OTHER_HYPOTHESES).toList();
        if (others.isEmpty()) {
            return java.util.Optional.empty();
        }
        StringBuilder text = new StringBuilder("Less likely:");
        for (Hypothesis other : others) {
            text.append("\n• *")
                    .append(other.cause().jsonName())
                    .append("* (")
                    .append(percent(other.confidence()))
                    .append("): ")
                    .append(other.summary());
        }
        return java.util.Optional.of(text.toString());
    }

    private static String context(TriageResult result) {
        List<String> parts = new ArrayList<>();
        List<String> normal = result.normal().stream().limit(NORMAL_SHOWN).toList();
        if (!normal.isEmpty()) {
            parts.add("Checked and normal: " + String.join("; ", normal));
        }
        for (SourceStatus status : result.sources()) {
            if (!status.status().equals(SourceStatus.OK)) {
                parts.add("Could not check " + status.name() + (status.failed() ? "" : " fully") + ": "
                        + status.detail());
            }
        }
        parts.add("Sources: "
                + String.join(
                        ", ",
                        result.sources().stream()
                                .map(s -> s.name() + " " + (s.failed() ? "✗" : "✓"))
                                .toList()));
        return String.join("\n", parts);
    }

    private static String text(TriageResult result) {
        Hypothesis top = result.top();
        String fix = top.remediation() == null ? "" : " Proposed: " + Operations.describe(top.remediation()) + ".";
        return heading(result) + " (" + percent(top.confidence()) + "). " + top.summary() + "." + fix;
    }

    private static String culprit(Culprit culprit) {
        String name = culprit.namespace().isEmpty() ? culprit.name() : culprit.namespace() + "/" + culprit.name();
        return culprit.kind() + " " + name
                + (culprit.revision() == null ? "" : " (revision " + culprit.revision() + ")");
    }

    private static String onset(Symptom symptom) {
        return symptom.present() ? CLOCK.format(symptom.onset()) + " UTC" : "none in the window";
    }

    private static String percent(double ratio) {
        return Math.round(ratio * 100) + " %";
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String clock(Instant at) {
        return CLOCK.format(at);
    }
}
