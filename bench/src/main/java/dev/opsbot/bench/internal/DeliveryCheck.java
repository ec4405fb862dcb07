package dev.opsbot.bench.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * After a load run: every accepted message is stored exactly once, and once opsbot has caught up each thread has
 * exactly one reply by {@code opsbot}: none lost, none doubled, nothing stray. Each load message starts its own
 * thread, so a thread must hold exactly that message and that reply.
 */
public final class DeliveryCheck {
    /** How the dispatcher answers a thread when handling its event failed (Dispatcher.tellThreadItFailed). */
    static final String FAILURE_REPLY = "Sorry, handling that failed";

    private final StoreView view;
    private final Duration replyDeadline;
    private final Duration settle;
    private final List<String> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int duplicateReplies;

    public DeliveryCheck(StoreView view, Duration replyDeadline, Duration settle) {
        this.view = view;
        this.replyDeadline = replyDeadline;
        this.settle = settle;
    }

    public List<String> lines() {
        return lines;
    }

    public List<String> failures() {
        return failures;
    }

    /**
     * @param storedBefore the store's message count before the load, when the view can count
     * @param unknownOutcome requests that got no answer: each may or may not have been stored (and answered)
     */
    public void run(List<OpenLoop.Accepted> accepted, OptionalLong storedBefore, int unknownOutcome) throws Exception {
        List<ConsoleClient.Posted> posted =
                accepted.stream().map(OpenLoop.Accepted::posted).toList();
        requireUniqueIds(posted);
        awaitReplies(posted);
        Thread.sleep(settle.toMillis()); // a doubled reply would come late: give it time to show
        verifyThreads(posted);
        verifyTotals(posted.size(), storedBefore, unknownOutcome);
    }

    private void requireUniqueIds(List<ConsoleClient.Posted> posted) {
        Set<String> ids = new HashSet<>();
        long repeated = posted.stream().filter(p -> !ids.add(p.id())).count();
        lines.add("accepted: " + posted.size() + " messages, " + ids.size() + " distinct ids");
        if (repeated > 0) {
            failures.add(repeated + " ids were answered twice");
        }
    }

    private void awaitReplies(List<ConsoleClient.Posted> posted) throws Exception {
        long start = System.nanoTime();
        long deadline = start + replyDeadline.toNanos();
        Set<String> waiting = new LinkedHashSet<>(
                posted.stream().map(ConsoleClient.Posted::thread).toList());
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (String thread : List.copyOf(waiting)) {
                if (view.thread(thread).stream().anyMatch(m -> m.user().equals(ConsoleClient.BOT_USER))) {
                    waiting.remove(thread);
                }
            }
            if (!waiting.isEmpty()) {
                Thread.sleep(250);
            }
        }
        while (view.pendingEvents().orElse(0) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double took = (System.nanoTime() - start) / 1e9;
        if (waiting.isEmpty()) {
            lines.add(String.format(Locale.ROOT, "bot caught up %.1f s after the last answer", took));
        } else {
            lines.add(waiting.size() + " threads still without a reply after " + replyDeadline.toSeconds() + " s");
        }
    }

    private void verifyThreads(List<ConsoleClient.Posted> posted) throws Exception {
        int lost = 0;
        int doubled = 0;
        int noReply = 0;
        int doubledReply = 0;
        int stray = 0;
        int sorry = 0;
        Histogram replyLag = new Histogram(3);
        for (ConsoleClient.Posted p : posted) {
            List<ConsoleClient.Message> messages = view.thread(p.thread());
            List<ConsoleClient.Message> mine =
                    messages.stream().filter(m -> m.id().equals(p.id())).toList();
            List<ConsoleClient.Message> replies = messages.stream()
                    .filter(m -> m.user().equals(ConsoleClient.BOT_USER))
                    .toList();
            lost += mine.isEmpty() ? 1 : 0;
            doubled += mine.size() > 1 ? 1 : 0;
            noReply += replies.isEmpty() ? 1 : 0;
            doubledReply += replies.size() > 1 ? 1 : 0;
            duplicateReplies += Math.max(0, replies.size() - 1);
            stray += messages.size() - mine.size() - replies.size();
            sorry += replies.stream().anyMatch(r -> r.text().startsWith(FAILURE_REPLY)) ? 1 : 0;
            if (mine.size() == 1 && replies.size() == 1 && mine.getFirst().ts() != null) {
                long lag = Duration.between(
                                        mine.getFirst().ts(), replies.getFirst().ts())
                                .toNanos()
                        / 1_000;
                replyLag.recordValue(Math.max(0, lag));
            }
        }
        lines.add(String.format(
                Locale.ROOT,
                "stored: %d of %d found, %d lost, %d stored twice or more; replies: %d threads without, %d with two or"
                        + " more; %d stray messages",
                posted.size() - lost,
                posted.size(),
                lost,
                doubled,
                noReply,
                doubledReply,
                stray));
        lines.add(sorry + " threads got opsbot's failure reply (\"" + FAILURE_REPLY + " ...\")");
        lines.add("reply lag (message ts -> reply ts, from stored timestamps): " + Latencies.format(replyLag));
        check(lost == 0, lost + " accepted messages are not stored (lost)");
        check(doubled == 0, doubled + " accepted messages are stored more than once");
        check(noReply == 0, noReply + " threads have no opsbot reply (lost)");
        check(doubledReply == 0, doubledReply + " threads have more than one opsbot reply (duplicated)");
        check(stray == 0, stray + " unexpected messages in the load's threads");
        check(sorry == 0, sorry + " threads were answered with a failure message instead of an answer");
    }

    private void verifyTotals(int accepted, OptionalLong storedBefore, int unknownOutcome) {
        OptionalLong storedNow = view.storedMessages();
        if (storedBefore.isPresent() && storedNow.isPresent()) {
            long added = storedNow.getAsLong() - storedBefore.getAsLong();
            long want = 2L * accepted;
            if (unknownOutcome == 0) {
                lines.add("store count grew by " + added + " (want " + want + ": each message and its one reply)");
                if (added != want) {
                    // extra rows that are not doubled replies in our threads belong to requests answered with an
                    // error: stored (and maybe answered) although the client was told it failed
                    lines.add("  of the " + (added - want) + " extra: " + duplicateReplies
                            + " replies beyond the first, "
                            + (added - want - duplicateReplies) + " messages of requests answered with an HTTP error"
                            + " (stored, and maybe answered, although the client was told it failed)");
                }
                check(added == want, "store count grew by " + added + ", want " + want);
            } else {
                // An unanswered request may have been stored and answered: allow 0 or 2 messages for each.
                long most = want + 2L * unknownOutcome;
                lines.add("store count grew by " + added + " (want " + want + " to " + most + ": " + unknownOutcome
                        + " requests got no answer, so " + (added - want) / 2 + " of them were stored anyway)");
                check(
                        added >= want && added <= most && (added - want) % 2 == 0,
                        "store count grew by " + added + ", want " + want + " to " + most + " in steps of 2");
            }
        }
        view.pendingEvents().ifPresent(pending -> {
            lines.add("events pending in the ledger: " + pending);
            check(pending == 0, pending + " events are still pending in the ledger");
        });
    }

    private void check(boolean ok, String failure) {
        if (!ok) {
            failures.add(failure);
        }
    }
}
