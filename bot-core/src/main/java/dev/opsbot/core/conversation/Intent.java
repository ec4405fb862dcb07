package dev.opsbot.core.conversation;

import dev.opsbot.core.triage.SymptomKind;

/** What a person asks opsbot for. Approvals are reactions, not intents. */
public sealed interface Intent {
    /** "help", "?", "what can you do". */
    record Help() implements Intent {}

    /** "status": version, uptime, what is configured. */
    record Status() implements Intent {}

    /**
     * "why is checkout 5xx?": investigate a service. {@code namespace} is null when the question names none (the
     * configured default applies); {@code question} is the text as asked, without mentions.
     */
    record Investigate(String service, String namespace, SymptomKind symptom, String question) implements Intent {}

    /** "whoami": who opsbot takes the person to be, and how it acts for them here; "whoami refresh" asks again. */
    record WhoAmI(boolean refresh) implements Intent {}

    /** "access": what the person can do in each environment (read, write after approval, approve). */
    record Access() implements Intent {}

    /** Team memory: "remember ...", "forget m-3f9a2c", "memories [service]". */
    sealed interface Memory extends Intent {}

    /**
     * "remember [fact|fix|runbook|preference:] [for &lt;service&gt;:] text".
     *
     * @param kind null when not said (a fact)
     * @param service null for the whole team
     */
    record Remember(String text, String kind, String service) implements Memory {}

    /** "forget m-3f9a2c". */
    record Forget(String id) implements Memory {}

    /** "memories", "memories checkout", "what do you remember about checkout". */
    record Memories(String service) implements Memory {}

    /** "resolved", "fixed", "all good now": the thread's incident is over; opsbot proposes what to remember. */
    record Resolved() implements Intent {}

    /**
     * "handoff", "handoff 8h", "handoff since 18:00": the shift summary of this channel.
     *
     * @param since what the person said after "handoff" ({@code 8h}, {@code since 18:00}), or null for the default
     *     (since the last handoff, at most one shift)
     */
    record Handoff(String since) implements Intent {}

    /** Anything opsbot has no handler for yet; {@code text} is what was said. */
    record Unrecognized(String text) implements Intent {}
}
