package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.triage.TriageReport;

/** Offers the fix an answer found, as a proposal of its own in the thread. */
@FunctionalInterface
public interface Proposer {
    Proposer NONE = (event, actor, report, responder) -> {};

    void propose(ChatEvent event, Acting.Outcome.As actor, TriageReport report, Responder responder);
}
