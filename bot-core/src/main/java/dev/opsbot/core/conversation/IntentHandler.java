package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.ChatEvent;

/** Answers one kind of {@link Intent}. Runs on the dispatcher's worker threads, never on a platform's thread. */
@FunctionalInterface
public interface IntentHandler<I extends Intent> {
    void handle(ChatEvent event, I intent, Responder responder);
}
