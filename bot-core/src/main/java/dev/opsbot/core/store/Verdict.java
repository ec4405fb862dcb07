package dev.opsbot.core.store;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.triage.Cause;
import java.time.Instant;
import java.util.Objects;

/**
 * What one investigation in a thread concluded, kept so that later work can use it: the thread resolving proposes a
 * memory from it, and the shift handoff lists it. Everything in it is redacted already.
 *
 * @param thread where it was asked
 * @param asker who asked (e-mail)
 * @param summary the top hypothesis in one line ("memory limit lowered 512Mi -> 128Mi in revision 42 ...")
 * @param culprit the object blamed ({@code Deployment shop/checkout revision 42}), or null
 * @param fix the fix triage proposed, in words ({@code rollback deployment shop/checkout to revision 41}), or null
 * @param resolvedAt when the thread was resolved (an action verified, or someone said so), null while open
 * @param resolvedBy who resolved it (e-mail), null while open
 */
public record Verdict(
        ThreadRef thread,
        String service,
        String namespace,
        String question,
        String asker,
        Cause cause,
        double confidence,
        String summary,
        String culprit,
        String fix,
        Instant at,
        Instant resolvedAt,
        String resolvedBy) {
    public Verdict {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(asker, "asker");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(at, "at");
        if ((resolvedAt == null) != (resolvedBy == null)) {
            throw new IllegalArgumentException("a resolved verdict names both when and by whom");
        }
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    public Verdict resolve(Instant at, String by) {
        return new Verdict(
                thread, service, namespace, question, asker, cause, confidence, summary, culprit, fix, this.at, at, by);
    }
}
