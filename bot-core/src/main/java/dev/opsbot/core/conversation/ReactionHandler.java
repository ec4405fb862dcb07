package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.store.BotMessage;

/**
 * Hears reactions on opsbot's own messages ({@code event} is a reaction added or removed). The approval flow is one:
 * a reaction on a proposal is a vote.
 */
@FunctionalInterface
public interface ReactionHandler {
    ReactionHandler IGNORE = (event, message, responder) -> {};

    void onReaction(ChatEvent event, BotMessage message, Responder responder);
}
