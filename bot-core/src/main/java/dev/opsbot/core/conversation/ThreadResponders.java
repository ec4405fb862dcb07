package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.ThreadRef;

/** A {@link Responder} for a thread when no event is being handled (an expired proposal, recovery after restart). */
@FunctionalInterface
public interface ThreadResponders {
    Responder responderFor(ThreadRef thread);
}
