package dev.opsbot.bench.internal;

import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.ChainCheck;
import dev.opsbot.core.console.ConsoleMessage;
import dev.opsbot.db.DbStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * After a soak, from the database the replicas share: every message the console accepted is stored once and answered
 * once (a command by one reply, a question by one investigation with its answer), every reaction to a proposal got
 * exactly one answer, every approved action ran exactly once (one "Running", one outcome, one {@code ActionExecuted}
 * audit event, nothing left approved or executing), nothing is pending in the event ledger, and the audit chain
 * verifies.
 */
public final class SoakCheck {
    private static final Set<ProposalState> UNFINISHED =
            Set.of(ProposalState.APPROVED, ProposalState.EXECUTING, ProposalState.UNKNOWN);

    private final DbStores stores;
    private final List<String> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private long executed;

    public SoakCheck(DbStores stores) {
        this.stores = stores;
    }

    public List<String> lines() {
        return lines;
    }

    public List<String> failures() {
        return failures;
    }

    /** Actions executed (ActionExecuted audit events), once {@link #verify} ran. */
    public long executed() {
        return executed;
    }

    /**
     * Waits until opsbot has caught up (every thread answered, nothing pending, no action running) or {@code
     * deadline} passed, then {@code settle} more for late duplicates.
     */
    public void awaitQuiet(
            List<SoakLoad.Posted> posted, List<SoakLoad.Reaction> reactions, Duration deadline, Duration settle)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        Map<String, SoakLoad.Posted> waiting = new LinkedHashMap<>();
        posted.forEach(p -> waiting.put(p.thread(), p));
        Map<String, Long> reactionsByThread = reactionsByThread(reactions);
        boolean quiet = false;
        while (!quiet && System.nanoTime() < end) {
            waiting.values().removeIf(p -> answered(p, reactionsByThread.getOrDefault(p.thread(), 0L)));
            quiet = waiting.isEmpty()
                    && stores.eventLedger().countPending() == 0
                    && unfinished().isEmpty();
            if (!quiet) {
                Thread.sleep(250);
            }
        }
        lines.add(String.format(
                Locale.ROOT,
                quiet ? "caught up %.1f s after the load stopped" : "not caught up %.1f s after the load stopped: %s",
                (System.nanoTime() - start) / 1e9,
                waiting.size() + " threads unanswered, or events pending, or actions running"));
        Thread.sleep(settle.toMillis());
    }

    public void verify(List<SoakLoad.Posted> posted, List<SoakLoad.Reaction> reactions) {
        Map<String, Long> reactionsByThread = reactionsByThread(reactions);
        Map<String, ThreadTally> tallies = new HashMap<>();
        for (SoakLoad.Posted p : posted) {
            tallies.put(p.thread(), ThreadTally.of(stores.console().thread(p.thread())));
        }
        verifyThreads(posted, tallies, reactionsByThread);
        verifyActions(tallies);
        long pending = stores.eventLedger().countPending();
        lines.add("events pending in the ledger: " + pending);
        check(pending == 0, pending + " events are still pending in the ledger");
        ChainCheck chain = stores.auditLog().verify();
        lines.add(chain.describe());
        check(chain instanceof ChainCheck.Intact, "the audit chain does not verify: " + chain.describe());
    }

    private void verifyThreads(
            List<SoakLoad.Posted> posted, Map<String, ThreadTally> tallies, Map<String, Long> reactionsByThread) {
        Map<SoakLoad.Kind, Integer> perKind = new EnumMap<>(SoakLoad.Kind.class);
        Map<String, Integer> problems = new TreeMap<>();
        Map<String, Integer> answers = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (SoakLoad.Posted p : posted) {
            perKind.merge(p.kind(), 1, Integer::sum);
            List<String> found = tallies.get(p.thread())
                    .problems(p.kind().replies(), reactionsByThread.getOrDefault(p.thread(), 0L));
            found.forEach(problem -> problems.merge(problem, 1, Integer::sum));
            if (p.kind() == SoakLoad.Kind.QUESTION) {
                answers.merge(String.valueOf(tallies.get(p.thread()).answer()), 1, Integer::sum);
            }
            if (!found.isEmpty() && examples.size() < 3) {
                examples.add(describe(p, found));
            }
        }
        lines.add("threads: " + posted.size() + " " + perKind + ", "
                + reactionsByThread.values().stream().mapToLong(Long::longValue).sum() + " reactions in "
                + reactionsByThread.size() + " of them; threads not answered exactly once: "
                + (problems.isEmpty() ? "none" : problems));
        lines.add("the questions' answers: " + answers);
        lines.addAll(examples);
        problems.forEach((problem, threads) -> failures.add(threads + " threads: " + problem));
    }

    /** The thread as the console shows it, a line a message, for a failure someone will have to understand. */
    private String describe(SoakLoad.Posted p, List<String> problems) {
        StringBuilder text = new StringBuilder("  e.g. " + p.kind() + " thread " + p.thread() + " (" + p.user()
                + " via replica " + p.replica() + "): " + problems);
        for (ConsoleMessage m : stores.console().thread(p.thread())) {
            String line = m.text().replace('\n', ' ');
            text.append("\n      ")
                    .append(m.ts())
                    .append(" [")
                    .append(m.user())
                    .append("] ")
                    .append(line, 0, Math.min(line.length(), 140));
        }
        return text.toString();
    }

    private void verifyActions(Map<String, ThreadTally> tallies) {
        List<Proposal> all = stores.proposals().changedSince(Instant.EPOCH, 1_000_000);
        Map<String, Long> executions = stores.auditLog().since(Instant.EPOCH, 10_000_000).stream()
                .map(AuditEntry::event)
                .filter(AuditEvent.ActionExecuted.class::isInstance)
                .map(e -> ((AuditEvent.ActionExecuted) e).proposal())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<ProposalState, Long> states =
                all.stream().collect(Collectors.groupingBy(Proposal::state, TreeMap::new, Collectors.counting()));
        int twice = 0, withoutAudit = 0, runningMismatch = 0, outcomeMismatch = 0;
        for (Proposal p : all) {
            long audited = executions.getOrDefault(p.id(), 0L);
            boolean ran = p.state() == ProposalState.DONE || p.state() == ProposalState.FAILED;
            twice += audited > 1 ? 1 : 0;
            withoutAudit += ran != (audited == 1) ? 1 : 0;
            ThreadTally t = tallies.get(p.thread().thread());
            if (t != null) {
                runningMismatch += t.running() != audited ? 1 : 0;
                outcomeMismatch += t.outcomes() != t.running() || t.verifications() != t.done() ? 1 : 0;
            }
        }
        executed = executions.values().stream().mapToLong(Long::longValue).sum();
        List<Proposal> unfinished = unfinished();
        lines.add("proposals: " + all.size() + " " + states + "; ActionExecuted audit events: " + executed + " for "
                + executions.size() + " proposals");
        check(
                unfinished.isEmpty(),
                unfinished.size() + " proposals are left approved, executing or unknown: "
                        + unfinished.stream().map(Proposal::id).limit(5).toList());
        check(twice == 0, twice + " proposals were executed more than once (ActionExecuted twice)");
        check(withoutAudit == 0, withoutAudit + " proposals done or failed without exactly one ActionExecuted");
        check(
                runningMismatch == 0,
                runningMismatch + " proposals whose 'Running' messages differ from their executions");
        check(outcomeMismatch == 0, outcomeMismatch + " actions without exactly one outcome and verification");
    }

    private List<Proposal> unfinished() {
        List<Proposal> found = new ArrayList<>();
        UNFINISHED.forEach(state -> found.addAll(stores.proposals().inState(state, 1_000)));
        return found;
    }

    private boolean answered(SoakLoad.Posted p, long reactions) {
        ThreadTally t = ThreadTally.of(stores.console().thread(p.thread()));
        return p.kind().replies() == 0
                ? t.questionAnswered((int) reactions)
                : t.bot() >= p.kind().replies();
    }

    private static Map<String, Long> reactionsByThread(List<SoakLoad.Reaction> reactions) {
        return reactions.stream().collect(Collectors.groupingBy(SoakLoad.Reaction::thread, Collectors.counting()));
    }

    private void check(boolean ok, String failure) {
        if (!ok) {
            failures.add(failure);
        }
    }
}
