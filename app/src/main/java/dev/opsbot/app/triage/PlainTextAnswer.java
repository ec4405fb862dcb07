package dev.opsbot.app.triage;

import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.answer.AnswerRenderer;
import dev.opsbot.core.triage.answer.ChartRenderer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The chat answer as terminal text, for {@code opsbot triage} without {@code --json}. */
public final class PlainTextAnswer {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private PlainTextAnswer() {}

    public static String render(TriageReport report) {
        Reply reply = new AnswerRenderer(ChartRenderer.NONE).render(report, "you");
        StringBuilder text = new StringBuilder();
        for (Block block : reply.blocks()) {
            switch (block) {
                case Block.Heading h ->
                    text.append(h.text().toUpperCase(java.util.Locale.ROOT)).append("\n\n");
                case Block.Paragraph p -> text.append(p.text()).append("\n\n");
                case Block.Fields f -> {
                    f.fields()
                            .forEach(field ->
                                    text.append(String.format("%-11s %s%n", field.label() + ":", field.value())));
                    text.append('\n');
                }
                case Block.EvidenceList e -> {
                    text.append(e.title()).append(":\n");
                    e.items().forEach(item -> text.append("  ")
                            .append(item.at() == null ? "        " : CLOCK.format(item.at()))
                            .append("  ")
                            .append(String.format("%-10s ", item.source()))
                            .append(item.detail())
                            .append('\n'));
                    text.append('\n');
                }
                case Block.Proposal p ->
                    text.append("Proposed fix: ").append(p.operation()).append("\n\n");
                case Block.Image i -> text.append("[chart: ").append(i.title()).append("]\n\n");
                case Block.Context c -> text.append(c.text()).append('\n');
            }
        }
        return text.toString().replace("*", "").strip();
    }
}
