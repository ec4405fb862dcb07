package dev.opsbot.core.handoff;

import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.approval.ProposedAction;
import dev.opsbot.core.approval.Vote;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.store.Verdict;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.InMemoryProposalStore;
import dev.opsbot.core.testing.InMemoryThreadStore;
import dev.opsbot.core.testing.InMemoryVerdictStore;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.testing.WordsTeamMemory;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.triage.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A night shift in channel {@code slack/C0INC} (18:00 to 06:00 UTC) over in-memory stores, and the steps that fill
 * them the way the conversation and the approval flow do: a question asked, a verdict, a proposal and its votes, a
 * state change, a verification, a memory learned. Each step writes what the real flow writes (thread activity,
 * audit events), so the builder reads them as it reads production's.
 */
public final class HandoffFixture {
    public static final String PLATFORM = "slack";
    public static final String CHANNEL = "C0INC";
    public static final Instant START = Instant.parse("2026-03-09T18:00:00Z");
    public static final Instant END = Instant.parse("2026-03-10T06:00:00Z");

    public final MutableClock clock = new MutableClock(END);
    public final InMemoryThreadStore threads = new InMemoryThreadStore();
    public final InMemoryVerdictStore verdicts = new InMemoryVerdictStore();
    public final InMemoryProposalStore proposals = new InMemoryProposalStore();
    public final InMemoryAuditLog audit = new InMemoryAuditLog();
    public final WordsTeamMemory memory = new WordsTeamMemory();

    public Shift shift() {
        return new Shift(PLATFORM, CHANNEL, START, END);
    }

    public HandoffBuilder builder() {
        return new HandoffBuilder(threads, verdicts, proposals, Optional.of(memory), audit, clock);
    }

    public HandoffReport report() {
        return builder().build(shift());
    }

    public static ThreadRef thread(String id) {
        return new ThreadRef(PLATFORM, CHANNEL, id);
    }

    /** {@code minutes} after the shift started. */
    public static Instant at(int minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    /** Someone asks opsbot to investigate in a new (or the same) thread. */
    public ThreadRef ask(String threadId, String asker, String question, Instant at) {
        ThreadRef thread = new ThreadRef(PLATFORM, CHANNEL, threadId);
        return ask(thread, asker, question, at);
    }

    public ThreadRef ask(ThreadRef thread, String asker, String question, Instant at) {
        threads.touch(thread, asker, at);
        audit.record(new AuditEvent.QuestionAsked(
                at, asker, thread.platform() + "/" + thread.channel() + "/" + thread.thread(), question));
        return thread;
    }

    public Verdict verdict(
            ThreadRef thread, String question, Cause cause, double confidence, String summary, Instant at) {
        return verdict(thread, question, cause, confidence, summary, null, at);
    }

    public Verdict verdict(
            ThreadRef thread, String question, Cause cause, double confidence, String summary, String fix, Instant at) {
        Verdict verdict = new Verdict(
                thread,
                "checkout",
                "shop",
                question,
                "alice@example.com",
                cause,
                confidence,
                summary,
                "Deployment shop/checkout revision 42",
                fix,
                at,
                null,
                null);
        verdicts.record(verdict);
        threads.touch(thread, "alice", at);
        return verdict;
    }

    public void resolve(ThreadRef thread, String by, Instant at) {
        verdicts.resolve(thread, by, at);
        threads.touch(thread, by, at);
    }

    public Proposal propose(ThreadRef thread, String id, String operation, Instant at, Duration expiresIn) {
        return propose(thread, id, operation, at, expiresIn, 1);
    }

    public Proposal propose(
            ThreadRef thread, String id, String operation, Instant at, Duration expiresIn, int approvalsRequired) {
        Proposal proposal = new Proposal(
                id,
                thread,
                null,
                new ProposedAction("kubernetes.rollback", "Deployment/shop/checkout", Map.of(), operation, Risk.WRITE),
                "production",
                "alice@example.com",
                "alice",
                "triage: oom",
                at,
                at.plus(expiresIn),
                approvalsRequired,
                ProposalState.PROPOSED,
                null,
                null);
        proposals.create(proposal);
        audit.record(new AuditEvent.ProposalCreated(
                at,
                "alice@example.com",
                id,
                operation,
                "production",
                "write",
                "triage: oom",
                thread.platform() + "/" + thread.channel() + "/" + thread.thread(),
                proposal.expiresAt(),
                approvalsRequired));
        threads.touch(thread, "alice", at);
        return proposal;
    }

    public void vote(String proposal, String voter, Vote.Kind kind, Instant at) {
        proposals.vote(new Vote(proposal, voter, voter.substring(0, voter.indexOf('@')), kind, at));
    }

    /** Approved, run, and ended in {@code end} (DONE, FAILED or UNKNOWN) with {@code outcome}. */
    public void run(String proposal, ProposalState end, String outcome, Instant at) {
        move(proposal, ProposalState.PROPOSED, ProposalState.APPROVED, null, at);
        move(proposal, ProposalState.APPROVED, ProposalState.EXECUTING, null, at);
        move(proposal, ProposalState.EXECUTING, end, outcome, at);
        Proposal done = proposals.find(proposal).orElseThrow();
        audit.record(new AuditEvent.ActionExecuted(
                at, done.requesterEmail(), proposal, done.action().operation(), List.of(), end.name(), outcome, 1_000));
    }

    public void decide(String proposal, ProposalState end, Instant at) {
        move(proposal, ProposalState.PROPOSED, end, end.name().toLowerCase(), at);
        audit.record(new AuditEvent.ProposalDecided(at, "bob@example.com", proposal, end.name(), "by vote"));
    }

    public void verified(String proposal, boolean recovered, String summary, Instant at) {
        audit.record(new AuditEvent.ActionVerified(at, "alice@example.com", proposal, recovered, summary));
    }

    public MemoryItem learn(String text, Instant at) {
        return learn(PLATFORM + "/" + CHANNEL, text, at);
    }

    public MemoryItem learn(String team, String text, Instant at) {
        return memory.remember(
                MemoryKind.FIX,
                text,
                new MemoryScope(team, "checkout", null),
                new MemorySource(team + "/t", null, "bob@example.com", "#" + CHANNEL, at));
    }

    private void move(String proposal, ProposalState from, ProposalState to, String outcome, Instant at) {
        String owner = to == ProposalState.EXECUTING ? "replica-1" : null;
        if (!proposals.transition(proposal, from, to, owner, outcome, at)) {
            throw new IllegalStateException(proposal + " is not " + from);
        }
    }
}
