package dev.opsbot.core.learning;

import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.conversation.Responder;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.Recalled;
import dev.opsbot.core.memory.RunbookPassage;
import dev.opsbot.core.memory.Runbooks;
import dev.opsbot.core.memory.TeamMemory;
import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import dev.opsbot.core.store.Verdict;
import dev.opsbot.core.store.VerdictStore;
import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.answer.Operations;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.Hypothesis;
import dev.opsbot.core.triage.result.TriageResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an investigation takes from, and leaves to, the team: before the answer, the memories and runbook sections
 * relevant to it (recalled with the question and with what triage found, cited when close enough); a remembered
 * cause for the same service raises that hypothesis's confidence; after the answer, its verdict, for the thread to
 * resolve into a memory later and for the shift handoff.
 *
 * <p>Memory is help, never a dependency: when it fails (the model still loading, the database away) the answer goes
 * out without it.
 */
public final class TeamKnowledge {
    /** The kind of message that cites memories: :+1: / :-1: on it are votes on them. */
    public static final String CITATION = "memory-citation";

    static final int MAX_MEMORIES = 3;
    static final int MAX_PASSAGES = 2;
    /** How much of the remaining doubt a remembered cause removes: 0.60 becomes 0.72. */
    static final double REMEMBERED_CAUSE_WEIGHT = 0.3;

    private static final Logger LOG = LoggerFactory.getLogger(TeamKnowledge.class);
    private static final int CANDIDATES = 8;

    private final Optional<TeamMemory> memory;
    private final Runbooks runbooks;
    private final VerdictStore verdicts;
    private final double citeSimilarity;
    private final Clock clock;
    private final Redactor redactor = Redactor.standard();

    /** @param citeSimilarity the cosine a memory or runbook section needs to be cited (0.45 by default) */
    public TeamKnowledge(
            Optional<TeamMemory> memory, Runbooks runbooks, VerdictStore verdicts, double citeSimilarity, Clock clock) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.runbooks = Objects.requireNonNull(runbooks, "runbooks");
        this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
        this.citeSimilarity = citeSimilarity;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What is worth citing for {@code question} about the result's service, in the thread's team. */
    public Recollection recall(ThreadRef thread, String question, TriageResult result) {
        List<String> queries = new ArrayList<>(List.of(question));
        if (found(result.top().cause())) {
            queries.add(result.service() + " " + result.top().cause().jsonName() + ": "
                    + result.top().summary());
        }
        return new Recollection(memories(thread, queries, result), passages(queries, result.service()));
    }

    /** What is worth citing for a question triage has no rule for (the model answers it): team-wide. */
    public Recollection recall(ThreadRef thread, String question) {
        return new Recollection(memories(thread, List.of(question), null), passages(List.of(question), null));
    }

    private List<Recalled> memories(ThreadRef thread, List<String> queries, TriageResult result) {
        if (memory.isEmpty()) {
            return List.of();
        }
        MemoryScope scope = result == null
                ? MemoryScope.team(ThreadLearning.team(thread))
                : new MemoryScope(ThreadLearning.team(thread), result.service(), result.namespace());
        Map<String, Recalled> best = new LinkedHashMap<>();
        try {
            for (String query : queries) {
                for (Recalled recalled : memory.get().recall(query, scope, CANDIDATES)) {
                    best.merge(recalled.item().id(), recalled, (a, b) -> a.similarity() >= b.similarity() ? a : b);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("team memory could not be recalled; answering without it: {}", e.toString());
            return List.of();
        }
        return best.values().stream()
                .filter(r -> r.similarity() >= citeSimilarity)
                .sorted(Comparator.comparingDouble(Recalled::similarity).reversed())
                .limit(MAX_MEMORIES)
                .toList();
    }

    private List<RunbookPassage> passages(List<String> queries, String service) {
        Map<String, RunbookPassage> best = new LinkedHashMap<>();
        try {
            for (String query : queries) {
                for (RunbookPassage passage : runbooks.search(query, service, CANDIDATES)) {
                    best.merge(passage.citation(), passage, (a, b) -> a.similarity() >= b.similarity() ? a : b);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("runbooks could not be searched; answering without them: {}", e.toString());
            return List.of();
        }
        return best.values().stream()
                .filter(p -> p.similarity() >= citeSimilarity)
                .sorted(Comparator.comparingDouble(RunbookPassage::similarity).reversed())
                .limit(MAX_PASSAGES)
                .toList();
    }

    /**
     * The report with each hypothesis a recalled memory remembers (same service, same cause) more confident, the
     * memory in its evidence, and the hypotheses ranked again.
     */
    public TriageReport strengthen(TriageReport report, Recollection recollection) {
        TriageResult result = report.result();
        if (recollection.memories().isEmpty()) {
            return report;
        }
        boolean changed = false;
        List<Hypothesis> hypotheses = new ArrayList<>();
        for (Hypothesis hypothesis : result.hypotheses()) {
            Optional<Recalled> remembered = rememberedCause(hypothesis.cause(), result.service(), recollection);
            if (remembered.isEmpty()) {
                hypotheses.add(hypothesis);
                continue;
            }
            changed = true;
            hypotheses.add(
                    RememberedCause.strengthen(hypothesis, remembered.get().item(), REMEMBERED_CAUSE_WEIGHT));
        }
        if (!changed) {
            return report;
        }
        return new TriageReport(RememberedCause.reranked(result, hypotheses), report.symptom(), report.changes());
    }

    private static Optional<Recalled> rememberedCause(Cause cause, String service, Recollection recollection) {
        if (!found(cause)) {
            return Optional.empty();
        }
        return recollection.memories().stream()
                .filter(r -> service.equals(r.item().scope().service())
                        || r.item().text().toLowerCase(java.util.Locale.ROOT).contains(service))
                .filter(r -> CauseWords.mentions(r.item().text(), cause))
                .findFirst();
    }

    /** Posts the citations as their own message (reactions on it are votes) and counts each memory's use. */
    public void cite(Recollection recollection, Responder responder) {
        if (recollection.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(":brain: ");
        text.append(String.join("\n", recollection.citations()));
        if (!recollection.memories().isEmpty()) {
            text.append("\n_React :+1: if this helped, :-1: if it did not: it changes how I rank it._");
        }
        try {
            responder.reply(
                    Reply.text(text.toString()),
                    CITATION,
                    recollection.memories().isEmpty() ? null : String.join(",", recollection.memoryIds()));
            memory.ifPresent(m -> m.cited(recollection.memoryIds()));
        } catch (RuntimeException e) {
            LOG.warn("citing team memory failed: {}", e.toString());
        }
    }

    /** Keeps the answer's verdict (redacted) for the thread to resolve into a memory, and for the handoff. */
    public void recordVerdict(ThreadRef thread, String asker, TriageResult result) {
        Hypothesis top = result.top();
        try {
            verdicts.record(new Verdict(
                    thread,
                    result.service(),
                    result.namespace(),
                    redact(result.question()),
                    asker,
                    top.cause(),
                    top.confidence(),
                    redact(top.summary()),
                    culprit(top.culprit()),
                    top.remediation() == null ? null : Operations.describe(top.remediation()),
                    clock.instant(),
                    null,
                    null));
        } catch (RuntimeException e) {
            // the answer is out; losing the verdict costs the memory proposal and a handoff line, not the answer
            LOG.warn("could not keep the verdict of {}: {}", thread, e.toString());
        }
    }

    private String redact(String text) {
        return redactor.redact(text, Vault.create());
    }

    private static String culprit(Culprit culprit) {
        if (culprit == null || culprit.name().isBlank()) {
            return null;
        }
        return culprit.kind() + " " + (culprit.namespace().isBlank() ? "" : culprit.namespace() + "/") + culprit.name()
                + (culprit.revision() == null ? "" : " revision " + culprit.revision());
    }

    static boolean found(Cause cause) {
        return cause != Cause.HEALTHY && cause != Cause.UNKNOWN;
    }
}
