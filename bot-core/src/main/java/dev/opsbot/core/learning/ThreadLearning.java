package dev.opsbot.core.learning;

import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.approval.ProposalStore;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.conversation.Responder;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.memory.TeamMemory;
import dev.opsbot.core.store.Verdict;
import dev.opsbot.core.store.VerdictStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread resolves (an approved action verified, or someone says "resolved"): opsbot marks its verdict resolved and
 * proposes what the team should remember, built from the verdict and the fix that worked. The memory is kept at once,
 * so the next thread can use it, and a :x: on the proposal within the objection window takes it back
 * ({@link MemoryReactions}).
 *
 * <p>Resolving is a conditional update: a verified action and a person saying "resolved" at the same moment, or two
 * replicas, propose one memory, not two.
 */
public final class ThreadLearning {
    /** The kind of message that proposes a memory: a :x: on it objects. */
    public static final String MEMORY_PROPOSAL = "memory-proposal";

    private static final Logger LOG = LoggerFactory.getLogger(ThreadLearning.class);
    private static final int KNOWN_LESSONS = 200;

    /** What resolving a thread came to. */
    public enum Outcome {
        /** No investigation in the thread: nothing to resolve or learn. */
        NO_VERDICT,
        /** Resolved before (by someone else, or by a verified action). */
        ALREADY_RESOLVED,
        /** Resolved; triage found nothing wrong and nothing was done, so there is nothing to remember. */
        NOTHING_TO_LEARN,
        /** Resolved; the team memory holds this lesson already. */
        ALREADY_KNOWN,
        /** Resolved; team memory is not enabled. */
        MEMORY_OFF,
        /** Resolved, and a memory was proposed. */
        PROPOSED,
        /** Resolved, but team memory failed: the lesson was shown in the thread, to be remembered by hand. */
        NOT_KEPT
    }

    private final VerdictStore verdicts;
    private final ProposalStore proposals;
    private final Optional<TeamMemory> memory;
    private final LessonWriter writer;
    private final AuditLog audit;
    private final Duration objectionWindow;
    private final Clock clock;

    public ThreadLearning(
            VerdictStore verdicts,
            ProposalStore proposals,
            Optional<TeamMemory> memory,
            LessonWriter writer,
            AuditLog audit,
            Duration objectionWindow,
            Clock clock) {
        this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.objectionWindow = Objects.requireNonNull(objectionWindow, "objectionWindow");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Duration objectionWindow() {
        return objectionWindow;
    }

    /** The thread's latest verdict (what "resolved" refers to). */
    public Optional<Verdict> verdict(ThreadRef thread) {
        return verdicts.latest(thread);
    }

    /**
     * Resolves {@code thread} as {@code by} (an e-mail) and proposes what to remember; says so in the thread when a
     * memory is proposed. The caller says the other outcomes in its own words.
     */
    public Outcome resolve(ThreadRef thread, String by, Responder responder) {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(by, "by");
        Instant now = clock.instant();
        if (!verdicts.resolve(thread, by, now)) {
            return verdicts.latest(thread).isPresent() ? Outcome.ALREADY_RESOLVED : Outcome.NO_VERDICT;
        }
        Verdict verdict = verdicts.latest(thread).orElseThrow();
        if (memory.isEmpty()) {
            return Outcome.MEMORY_OFF;
        }
        Optional<Lesson> lesson = Lesson.of(verdict, fixThatWorked(thread));
        if (lesson.isEmpty()) {
            return Outcome.NOTHING_TO_LEARN;
        }
        Lesson written = writer.write(lesson.get());
        try {
            return propose(thread, by, written, responder, now);
        } catch (RuntimeException e) {
            // resolved already, so "resolved" again would not retry: the lesson is shown instead of lost
            LOG.warn("team memory could not keep the lesson of {}", threadId(thread), e);
            responder.reply(Reply.text(":warning: Resolved, but team memory could not keep what this thread taught ("
                    + e.getMessage() + "). To keep it, say:\n`@opsbot remember "
                    + written.kind().jsonName()
                    + ": for " + written.service() + ": " + written.text() + "`"));
            return Outcome.NOT_KEPT;
        }
    }

    private Outcome propose(ThreadRef thread, String by, Lesson lesson, Responder responder, Instant now) {
        TeamMemory team = memory.get();
        String teamName = team(thread);
        List<MemoryItem> known = team.list(teamName, lesson.service(), KNOWN_LESSONS);
        Optional<MemoryItem> same =
                known.stream().filter(m -> m.text().equals(lesson.text())).findFirst();
        if (same.isPresent()) {
            responder.reply(Reply.text(":brain: Resolved. The team memory already holds this lesson (`"
                    + same.get().id() + "`): " + same.get().text()));
            return Outcome.ALREADY_KNOWN;
        }
        MemoryItem item = team.remember(
                lesson.kind(),
                lesson.text(),
                new MemoryScope(teamName, lesson.service(), lesson.namespace()),
                new MemorySource(threadId(thread), null, by, "#" + thread.channel(), now));
        audit.record(new AuditEvent.MemoryChanged(
                now, by, item.id(), "proposed", item.kind().jsonName(), item.text(), threadId(thread)));
        LOG.info("proposed memory {} from resolved thread {}", item.id(), threadId(thread));
        responder.reply(
                Reply.text(":brain: Resolved. I'll remember this for the team (`" + item.id() + "`, "
                        + item.kind().jsonName() + " for " + lesson.service() + "):\n> " + item.text()
                        + "\nReact :x: within " + words(objectionWindow)
                        + " if it is wrong and I won't keep it; later, `@opsbot forget " + item.id()
                        + "` removes it."),
                MEMORY_PROPOSAL,
                item.id());
        return Outcome.PROPOSED;
    }

    /** The last action that ran and succeeded in the thread, in words. */
    private String fixThatWorked(ThreadRef thread) {
        String fix = null;
        for (Proposal proposal : proposals.inThread(thread)) {
            if (proposal.state() == ProposalState.DONE) {
                fix = proposal.action().operation();
            }
        }
        return fix;
    }

    static String team(ThreadRef thread) {
        return thread.platform() + "/" + thread.channel();
    }

    private static String threadId(ThreadRef thread) {
        return thread.platform() + "/" + thread.channel() + "/" + thread.thread();
    }

    static String words(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes >= 60 && minutes % 60 == 0) {
            return minutes / 60 + (minutes == 60 ? " hour" : " hours");
        }
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
