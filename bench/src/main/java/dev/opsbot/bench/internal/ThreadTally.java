package dev.opsbot.bench.internal;

import dev.opsbot.core.console.ConsoleMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What opsbot said in one thread, sorted by the fixed openings of its replies (ProposalReplies, ApprovalService,
 * Execution, Progress, Dispatcher): enough to tell an event answered once from one lost or answered twice.
 *
 * @param people the messages of people (the driver's own, and nothing else)
 * @param bot everything opsbot said
 * @param progressLines investigation status lines (one per question handled)
 * @param progressDone those that say the investigation is over
 * @param decisions answers to a vote: refused, approved and running, changes nothing, rejected (one per reaction)
 * @param running "X approved. Running ..." (an action starting: at most one per proposal)
 * @param outcomes "Done: ..." or "... failed: ..." (one per action started)
 * @param done the "Done: ..." among them
 * @param verifications "Verified: ..." or "Not recovered: ..." (one per action done)
 * @param expired a proposal's expiry notice
 * @param failed opsbot's "Sorry, handling that failed" and "I was restarted while running" messages
 * @param doubled bot messages whose text another bot message in the thread already had
 * @param answer the opening of opsbot's first reply after its progress line, up to the first " (" (for a question:
 *     "checkout 5xx: oom"), or null
 */
public record ThreadTally(
        int people,
        int bot,
        int progressLines,
        int progressDone,
        int decisions,
        int running,
        int outcomes,
        int done,
        int verifications,
        int expired,
        int failed,
        int doubled,
        String answer) {
    private static final Pattern RUNNING = Pattern.compile("^:white_check_mark: \\S+ approved\\. Running ");
    private static final Pattern REJECTED = Pattern.compile("^:x: \\S+ rejected \\*");
    private static final Pattern ACTION_FAILED = Pattern.compile("^:x: \\*.*\\* failed: ", Pattern.DOTALL);
    private static final List<String> OTHER_DECISIONS =
            List.of(":no_entry: ", ":information_source: ", ":ballot_box_with_check: ");

    public static ThreadTally of(List<ConsoleMessage> messages) {
        int people = 0, bot = 0, progress = 0, progressDone = 0, decisions = 0, running = 0;
        int outcomes = 0, done = 0, verifications = 0, expired = 0, failed = 0, doubled = 0;
        String answer = null;
        Set<String> seen = new HashSet<>();
        for (ConsoleMessage m : messages) {
            if (!m.user().equals(ConsoleClient.BOT_USER)) {
                people++;
                continue;
            }
            bot++;
            String text = m.text();
            doubled += seen.add(text) ? 0 : 1;
            boolean isRunning = RUNNING.matcher(text).find();
            running += isRunning ? 1 : 0;
            decisions += isRunning
                            || REJECTED.matcher(text).find()
                            || OTHER_DECISIONS.stream().anyMatch(text::startsWith)
                    ? 1
                    : 0;
            progress += text.startsWith(":mag: Investigating ") || text.startsWith(":white_check_mark: Investigated ")
                    ? 1
                    : 0;
            progressDone += text.startsWith(":white_check_mark: Investigated ") ? 1 : 0;
            if (answer == null && progress > 0 && bot > progress) {
                int cut = text.indexOf(" (");
                answer = text.substring(0, cut < 0 ? Math.min(text.length(), 40) : Math.min(cut, 40));
            }
            boolean isDone = text.startsWith(":white_check_mark: Done: ");
            done += isDone ? 1 : 0;
            outcomes += isDone || ACTION_FAILED.matcher(text).find() ? 1 : 0;
            verifications +=
                    text.startsWith(":white_check_mark: Verified: ") || text.startsWith(":warning: Not recovered: ")
                            ? 1
                            : 0;
            expired += text.startsWith(":hourglass: ") ? 1 : 0;
            failed += text.startsWith(DeliveryCheck.FAILURE_REPLY) || text.startsWith(":warning: I was restarted")
                    ? 1
                    : 0;
        }
        return new ThreadTally(
                people,
                bot,
                progress,
                progressDone,
                decisions,
                running,
                outcomes,
                done,
                verifications,
                expired,
                failed,
                doubled,
                answer);
    }

    /**
     * What is wrong with a thread the driver started with one message: nothing when opsbot answered it exactly once
     * and answered each of its {@code reactions} once.
     *
     * @param replies how many messages answer the message: 1 for a command, 2 for a handoff (its progress line and
     *     the handoff); 0 for a question, answered by one finished investigation and what follows it, none twice
     */
    public List<String> problems(int replies, long reactions) {
        boolean question = replies == 0;
        List<String> found = new ArrayList<>();
        if (people == 0) {
            found.add("message lost");
        }
        if (people > 1) {
            found.add("message stored twice, or a stray one");
        }
        if (failed > 0) {
            found.add("failure reply");
        }
        if (decisions != reactions) {
            found.add("reactions not answered exactly once each");
        }
        if (question ? bot < 2 : bot < replies) {
            found.add("no answer (lost)");
        }
        if (question ? doubled > 0 : bot > replies) {
            found.add("answered twice");
        }
        if (question && (progressLines != 1 || progressDone != 1)) {
            found.add("not one finished investigation");
        }
        return found;
    }

    /** Whether opsbot has said all it will about a question: the investigation is over and answered. */
    public boolean questionAnswered(int reactions) {
        return progressDone >= 1 && bot >= 2 && decisions >= reactions && outcomes >= running && verifications >= done;
    }
}
