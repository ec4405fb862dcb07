package dev.opsbot.core.handoff;

import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.store.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** One line of a handoff section per item, in the words and the time zone of the channel. */
final class HandoffLines {
    static final int QUESTION = 140;
    static final int SUMMARY = 180;
    static final int DETAIL = 300;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private final ZoneId zone;
    private final HandoffReport report;
    private final LocalDate today;

    HandoffLines(ZoneId zone, HandoffReport report) {
        this.zone = zone;
        this.report = report;
        this.today = report.at().atZone(zone).toLocalDate();
    }

    String watch(Watch watch) {
        String mark =
                switch (watch.kind()) {
                    case ACTION_FAILED -> ":x:";
                    case ACTION_UNKNOWN -> ":grey_question:";
                    case NOT_RECOVERED -> ":warning:";
                    case ROLLED_BACK -> ":leftwards_arrow_with_hook:";
                };
        return mark + " " + time(watch.at()) + " " + cut(watch.text(), DETAIL);
    }

    String openQuestion(OpenQuestion open) {
        return quote(open.question()) + " (" + open.asker() + ", " + time(open.at()) + "): " + open.why();
    }

    String thread(ThreadLine line) {
        StringBuilder text = new StringBuilder(status(line));
        text.append(" · ").append(line.question() == null ? "(no question recorded)" : quote(line.question()));
        if (line.asker() != null) {
            text.append(" (").append(line.asker()).append(")");
        }
        Verdict verdict = line.verdict();
        if (verdict != null) {
            text.append(" → ")
                    .append(verdict.cause().jsonName())
                    .append(' ')
                    .append(percent(verdict.confidence()))
                    .append(": ")
                    .append(cut(verdict.summary(), SUMMARY));
        }
        return text.append(" _(last active ")
                .append(time(line.lastActivity()))
                .append(")_")
                .toString();
    }

    private String status(ThreadLine line) {
        Proposal action = line.action();
        return switch (line.status()) {
            case RESOLVED ->
                ":white_check_mark: *resolved* by " + line.verdict().resolvedBy() + " at "
                        + time(line.verdict().resolvedAt());
            case ACTION_DONE -> ":hammer_and_wrench: *action done*: `" + operation(action) + "`";
            case ACTION_FAILED -> ":x: *action failed*: `" + operation(action) + "`";
            case ACTION_UNKNOWN -> ":grey_question: *action outcome unknown*: `" + operation(action) + "`";
            case ACTION_PENDING -> ":hourglass_flowing_sand: *action pending*: `" + operation(action) + "`";
            case OPEN -> ":red_circle: *open*";
            case INVESTIGATING -> ":mag: *investigating*";
        };
    }

    String executed(ActionLine line) {
        Proposal proposal = line.proposal();
        String outcome =
                switch (proposal.state()) {
                    case DONE -> ":white_check_mark: done";
                    case FAILED -> ":x: failed";
                    default -> ":grey_question: outcome unknown";
                };
        return time(line.at()) + " `" + operation(proposal) + "` " + outcome
                + (proposal.outcome() == null ? "" : ": " + cut(proposal.outcome(), SUMMARY))
                + " · requested by " + proposal.requesterEmail() + people(", approved by ", line.approvers(), "");
    }

    String pending(ActionLine line) {
        Proposal proposal = line.proposal();
        String where =
                switch (proposal.state()) {
                    case APPROVED -> "approved, about to run";
                    case EXECUTING -> "running now";
                    default ->
                        "approvals " + line.approvers().size() + "/" + proposal.approvalsRequired()
                                + people(" (", line.approvers(), ")")
                                + expiry(line);
                };
        return "`" + operation(proposal) + "` in " + proposal.environment() + " · requested by "
                + proposal.requesterEmail() + " · " + where;
    }

    /** Time left to decide; flagged when it is short. */
    private String expiry(ActionLine line) {
        String left = "expires in "
                + left(Duration.between(report.at(), line.proposal().expiresAt()));
        return report.expiringSoon(line) ? " · :alarm_clock: *" + left + "*" : " · " + left;
    }

    String rejected(ActionLine line) {
        Proposal proposal = line.proposal();
        String what = proposal.state() == ProposalState.REJECTED
                ? "rejected" + people(" by ", line.rejecters(), "")
                : "expired unapproved" + people(" (approved by ", line.approvers(), ")");
        return time(line.at()) + " `" + operation(proposal) + "` " + what + " · requested by "
                + proposal.requesterEmail();
    }

    String memory(MemoryItem item) {
        return "`" + item.id() + "` " + item.kind().jsonName()
                + (item.scope().service() == null ? "" : " (" + item.scope().service() + ")") + ": "
                + cut(item.text(), DETAIL) + " _(" + item.source().author() + ", "
                + time(item.source().at())
                + ")_";
    }

    /** "02:14" today (the report's day, in the zone), "Mon 22:40" on another day. */
    String time(Instant at) {
        var local = at.atZone(zone);
        return (local.toLocalDate().equals(today) ? CLOCK : DAY_CLOCK).format(local);
    }

    static String left(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return "now";
        }
        long minutes = Math.max(1, left.toMinutes());
        return minutes < 60
                ? minutes + " min"
                : minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    private static String operation(Proposal proposal) {
        // a backtick would end the code span early and garble the operation
        return proposal.action().operation().replace('`', '\'');
    }

    /** The people between {@code lead} and {@code end}, or nothing when there are none. */
    private static String people(String lead, List<String> people, String end) {
        return people.isEmpty() ? "" : lead + String.join(", ", people) + end;
    }

    private static String quote(String text) {
        return "“" + cut(text.strip(), QUESTION) + "”";
    }

    private static String percent(double ratio) {
        return Math.round(ratio * 100) + " %";
    }

    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split an emoji in half
        }
        return text.substring(0, end) + "…";
    }
}
