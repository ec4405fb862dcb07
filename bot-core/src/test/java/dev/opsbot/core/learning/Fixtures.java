package dev.opsbot.core.learning;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.store.Verdict;
import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.result.Culprit;
import dev.opsbot.core.triage.result.EvidenceItem;
import dev.opsbot.core.triage.result.Hypothesis;
import dev.opsbot.core.triage.result.Remediation;
import dev.opsbot.core.triage.result.Symptom;
import dev.opsbot.core.triage.result.TriageResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The checkout incident, as the tests of this package need it. */
final class Fixtures {
    static final ThreadRef THREAD = new ThreadRef("console", "inc-checkout", "t1");
    static final Instant NOW = Instant.parse("2026-03-10T03:00:00Z");
    static final String OOM_SUMMARY =
            "memory limit lowered 512Mi -> 128Mi in revision 42 at 02:31; 2 pods OOMKilled, CrashLoopBackOff";

    private Fixtures() {}

    static Hypothesis hypothesis(int rank, Cause cause, double confidence, String summary, Remediation fix) {
        return new Hypothesis(
                rank,
                cause,
                confidence,
                new Culprit("Deployment", "shop", "checkout", 42),
                summary,
                List.of(new EvidenceItem("kubernetes", NOW, "rollout to revision 42")),
                fix);
    }

    static TriageResult result(String question, List<Hypothesis> hypotheses) {
        return new TriageResult(
                question,
                "checkout",
                "shop",
                new Symptom("http_5xx", Instant.parse("2026-03-10T02:33:00Z"), 0.23),
                hypotheses,
                List.of(),
                List.of(),
                List.of());
    }

    /** Triage's first guess is a bad deploy (0.62), OOM second (0.58). */
    static TriageResult deployThenOom(String question) {
        return result(
                question,
                List.of(
                        hypothesis(1, Cause.BAD_DEPLOY, 0.62, "rollout to revision 42 at 02:31", null),
                        hypothesis(
                                2,
                                Cause.OOM,
                                0.58,
                                OOM_SUMMARY,
                                new Remediation(
                                        "kubernetes.rollback", "Deployment/shop/checkout", Map.of("toRevision", 41)))));
    }

    static Verdict verdict(ThreadRef thread, Cause cause, String summary) {
        return new Verdict(
                thread,
                "checkout",
                "shop",
                "why is checkout 5xx?",
                "alice@example.com",
                cause,
                0.86,
                summary,
                "Deployment shop/checkout revision 42",
                "rollback deployment shop/checkout to revision 41",
                NOW.minusSeconds(600),
                null,
                null);
    }

    static ChatEvent.ReactionRemoved unreacted(String user, String messageId, String reaction) {
        return new ChatEvent.ReactionRemoved(
                "u-" + user + reaction + messageId,
                new dev.opsbot.core.chat.MessageRef(THREAD, messageId),
                new ChatUser(user, user, user + "@example.com"),
                reaction,
                NOW);
    }

    static ChatEvent.ReactionAdded reacted(String user, String messageId, String reaction) {
        return new ChatEvent.ReactionAdded(
                "r-" + user + reaction + messageId,
                new dev.opsbot.core.chat.MessageRef(THREAD, messageId),
                new ChatUser(user, user, user + "@example.com"),
                reaction,
                NOW);
    }
}
