package dev.opsbot.core.handoff;

import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A handoff as a chat message: what needs the next shift first (things to watch, open questions, decisions
 * waiting), then the record (threads, actions, memories). Empty sections are left out; a shift with nothing in it
 * says "quiet shift". Times are in the channel's zone.
 *
 * <p>Everything it shows was redacted when stored; it is redacted once more here, as every answer is, so a secret
 * that reached a store some other way still never reaches the chat. Sections are split into paragraphs that fit a
 * Slack section (3,000 characters), so 50 threads are not cut off.
 */
public final class HandoffRenderer {
    /** Room in one paragraph, under Slack's 3,000 characters a section. */
    static final int PARAGRAPH = 2_800;

    static final int NARRATIVE = 1_500;

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private final ZoneId zone;

    public HandoffRenderer(ZoneId zone) {
        this.zone = readable(Objects.requireNonNull(zone, "zone"));
    }

    /** The zone under a name people read: {@code UTC}, not {@code Z}. */
    public static ZoneId readable(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
    }

    public Reply render(HandoffReport report, Optional<String> narrative, Optional<String> nextOnCall) {
        Vault vault = Vault.create();
        Function<String, String> clean = text -> Redactor.standard().redact(text, vault);
        HandoffLines lines = new HandoffLines(zone, report);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(overview(report, nextOnCall));
        narrative
                .filter(text -> !text.isBlank())
                .ifPresent(text -> paragraphs.add("*In short* _(written by the model from the report below)_\n"
                        + HandoffLines.cut(text.strip(), NARRATIVE)));
        if (report.quiet()) {
            paragraphs.add(":zzz: *Quiet shift*: no questions, actions, new memories or anything to watch.");
        }
        section(paragraphs, ":eyes: *Things to watch*", report.watch(), lines::watch);
        section(paragraphs, ":grey_question: *Open questions*", report.openQuestions(), lines::openQuestion);
        section(paragraphs, ":hourglass_flowing_sand: *Waiting for a decision*", report.pending(), lines::pending);
        section(paragraphs, ":thread: *Threads*", report.threads(), lines::thread);
        section(paragraphs, ":hammer_and_wrench: *Actions executed*", report.executed(), lines::executed);
        section(paragraphs, ":no_entry_sign: *Rejected or expired*", report.rejected(), lines::rejected);
        section(paragraphs, ":brain: *New memories*", report.memories(), lines::memory);

        String heading = "Shift handoff #" + report.shift().channel();
        String context = "Put together at " + lines.time(report.at()) + " "
                + ZONE.format(report.at().atZone(zone))
                + " from opsbot's records: threads, verdicts, approvals, team memory and the audit log.";
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(clean.apply(heading)));
        StringBuilder text = new StringBuilder(clean.apply(heading));
        for (String paragraph : paragraphs) {
            String cleaned = clean.apply(paragraph);
            blocks.add(new Block.Paragraph(cleaned));
            text.append("\n\n").append(cleaned);
        }
        blocks.add(new Block.Context(context));
        return new Reply(text.append("\n\n").append(context).toString(), blocks);
    }

    private String overview(HandoffReport report, Optional<String> nextOnCall) {
        var from = report.shift().from().atZone(zone);
        var to = report.shift().to().atZone(zone);
        String period = DAY_TIME.format(from) + " → "
                + (from.toLocalDate().equals(to.toLocalDate()) ? DateTimeFormatter.ofPattern("HH:mm") : DAY_TIME)
                        .format(to)
                + " " + ZONE.format(to);
        List<String> counts = new ArrayList<>();
        count(counts, report.threads().total(), "thread", "threads");
        count(counts, report.executed().total(), "action executed", "actions executed");
        count(counts, report.pending().total(), "waiting for a decision", "waiting for a decision");
        count(counts, report.expiring().size(), "expiring within the hour", "expiring within the hour");
        count(counts, report.openQuestions().total(), "open question", "open questions");
        count(counts, report.watch().total(), "thing to watch", "things to watch");
        return "*" + period + "*" + (counts.isEmpty() ? "" : " · " + String.join(" · ", counts))
                + nextOnCall.map(email -> "\nNext on call: *" + email + "*").orElse("");
    }

    private static void count(List<String> counts, int n, String one, String many) {
        if (n > 0) {
            counts.add(n + " " + (n == 1 ? one : many));
        }
    }

    /** A titled list of bullets, split into paragraphs that each fit; nothing when the listing is empty. */
    private static <T> void section(
            List<String> paragraphs, String title, Listing<T> listing, Function<T, String> line) {
        if (listing.isEmpty()) {
            return;
        }
        List<String> bullets = new ArrayList<>();
        listing.items().forEach(item -> bullets.add("• " + line.apply(item)));
        if (listing.more() > 0) {
            bullets.add("_…and " + listing.more() + " more_");
        }
        StringBuilder paragraph = new StringBuilder(title + " (" + listing.total() + ")");
        for (String bullet : bullets) {
            if (paragraph.length() + 1 + bullet.length() > PARAGRAPH) {
                paragraphs.add(paragraph.toString());
                paragraph = new StringBuilder();
            }
            paragraph.append(paragraph.isEmpty() ? "" : "\n").append(bullet);
        }
        paragraphs.add(paragraph.toString());
    }
}
