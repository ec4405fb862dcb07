package dev.opsbot.core.handoff;

import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalStore;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.TeamMemory;
import dev.opsbot.core.store.ThreadRecord;
import dev.opsbot.core.store.ThreadStore;
import dev.opsbot.core.store.Verdict;
import dev.opsbot.core.store.VerdictStore;
import dev.opsbot.core.triage.Cause;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts a shift's handoff together from the stores, without a model: the same stores give the same report. It reads
 * the channel's threads, their verdicts and proposals, the team memory and the audit log of the shift; it never
 * writes.
 */
public final class HandoffBuilder {
    static final int THREADS_SHOWN = 50;
    static final int SHOWN = 20;
    /** How much of each store is read at most: far more than one channel's shift holds. */
    static final int FETCHED = 1_000;

    static final int MEMORIES_READ = 200;
    /** Below this a verdict is a guess, and its question still open. */
    static final double LOW_CONFIDENCE = 0.5;

    private final ThreadStore threads;
    private final VerdictStore verdicts;
    private final ProposalStore proposals;
    private final Optional<TeamMemory> memory;
    private final AuditLog audit;
    private final Clock clock;

    public HandoffBuilder(
            ThreadStore threads,
            VerdictStore verdicts,
            ProposalStore proposals,
            Optional<TeamMemory> memory,
            AuditLog audit,
            Clock clock) {
        this.threads = Objects.requireNonNull(threads, "threads");
        this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public HandoffReport build(Shift shift) {
        Objects.requireNonNull(shift, "shift");
        return new Build(shift).report(clock.instant());
    }

    /** One report's reads, each store asked once per thread at most. */
    private final class Build {
        private final Shift shift;
        private final ShiftAudit shiftAudit;
        private final ShiftActions actions;
        private final Map<ThreadRef, Verdict> shiftVerdicts = new LinkedHashMap<>();
        private final Map<ThreadRef, Optional<Verdict>> verdictOf = new HashMap<>();
        private final Map<ThreadRef, List<Proposal>> proposalsIn = new HashMap<>();

        Build(Shift shift) {
            this.shift = shift;
            this.shiftAudit = ShiftAudit.read(audit, shift);
            this.actions = ShiftActions.read(proposals, shift, shiftAudit, FETCHED);
            for (Verdict verdict : verdicts.since(shift.platform(), shift.channel(), shift.from(), FETCHED)) {
                shiftVerdicts.put(verdict.thread(), verdict);
                verdictOf.put(verdict.thread(), Optional.of(verdict));
            }
        }

        HandoffReport report(Instant now) {
            return new HandoffReport(
                    shift,
                    now,
                    threadLines(),
                    Listing.of(actions.executed(), SHOWN).map(actions::line),
                    Listing.of(actions.waiting(), SHOWN).map(actions::line),
                    Listing.of(actions.notDone(), SHOWN).map(actions::line),
                    Listing.of(memories(), SHOWN),
                    Listing.of(openQuestions(), SHOWN),
                    Listing.of(
                            Watchlist.of(shift, actions, shiftAudit, shiftVerdicts.values(), this::proposalsIn),
                            SHOWN));
        }

        /** Threads with a question or a verdict, newest activity first; talk alone ("help") is left out. */
        private Listing<ThreadLine> threadLines() {
            Map<ThreadRef, Instant> active = new HashMap<>();
            for (ThreadRecord thread : threads.activeSince(shift.from(), FETCHED)) {
                if (shift.inChannel(thread.ref()) && thread.startedAt().isBefore(shift.to())) {
                    active.merge(thread.ref(), thread.lastActivityAt(), HandoffBuilder::later);
                }
            }
            shiftVerdicts.values().forEach(v -> active.merge(v.thread(), lastChange(v), HandoffBuilder::later));
            List<Map.Entry<ThreadRef, Instant>> listed = active.entrySet().stream()
                    .filter(e -> verdict(e.getKey()).isPresent()
                            || shiftAudit.lastQuestion(e.getKey()).isPresent())
                    .sorted(Map.Entry.<ThreadRef, Instant>comparingByValue()
                            .reversed()
                            .thenComparing(e -> e.getKey().thread()))
                    .toList();
            return Listing.of(listed, THREADS_SHOWN).map(e -> line(e.getKey(), e.getValue()));
        }

        private ThreadLine line(ThreadRef thread, Instant lastActivity) {
            Verdict verdict = verdict(thread).orElse(null);
            Optional<ShiftAudit.Question> asked = shiftAudit.lastQuestion(thread);
            List<Proposal> inThread = proposalsIn(thread);
            Proposal latest = inThread.isEmpty() ? null : inThread.getLast();
            return new ThreadLine(
                    thread,
                    lastActivity,
                    verdict != null
                            ? verdict.question()
                            : asked.map(ShiftAudit.Question::text).orElse(null),
                    verdict != null
                            ? verdict.asker()
                            : asked.map(ShiftAudit.Question::asker).orElse(null),
                    verdict,
                    latest,
                    ThreadLine.Status.of(verdict, latest));
        }

        /** The last question of each thread, newest first, when the thread has no good answer yet. */
        private List<OpenQuestion> openQuestions() {
            List<OpenQuestion> open = new ArrayList<>();
            for (ShiftAudit.Question asked : shiftAudit.lastQuestions().reversed()) {
                openBecause(verdict(asked.thread()).orElse(null))
                        .ifPresent(why -> open.add(
                                new OpenQuestion(asked.thread(), asked.text(), asked.asker(), asked.at(), why)));
            }
            return open;
        }

        private List<MemoryItem> memories() {
            return memory.map(m -> m.list(shift.team(), null, MEMORIES_READ)).orElse(List.of()).stream()
                    .filter(item -> shift.covers(item.source().at()))
                    .sorted(Comparator.comparing(
                                    (MemoryItem item) -> item.source().at())
                            .reversed()
                            .thenComparing(MemoryItem::id))
                    .toList();
        }

        private Optional<Verdict> verdict(ThreadRef thread) {
            return verdictOf.computeIfAbsent(thread, verdicts::latest);
        }

        private List<Proposal> proposalsIn(ThreadRef thread) {
            return proposalsIn.computeIfAbsent(thread, proposals::inThread);
        }
    }

    /** Why a thread's question counts as open, or empty when it has a good answer. */
    static Optional<String> openBecause(Verdict verdict) {
        if (verdict == null) {
            return Optional.of("no verdict yet");
        }
        if (verdict.resolved()) {
            return Optional.empty();
        }
        if (verdict.cause() == Cause.UNKNOWN) {
            return Optional.of("cause not found");
        }
        if (verdict.confidence() < LOW_CONFIDENCE) {
            return Optional.of("only " + Math.round(verdict.confidence() * 100) + " % confident");
        }
        return Optional.empty();
    }

    private static Instant lastChange(Verdict verdict) {
        return verdict.resolved() ? later(verdict.at(), verdict.resolvedAt()) : verdict.at();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
