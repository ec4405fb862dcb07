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

    /** This handler, then {@code next}: each looks only at the kinds of message it knows. */
    default ReactionHandler andThen(ReactionHandler next) {
        java.util.Objects.requireNonNull(next, "next");
        return (event, message, responder) -> {
            onReaction(event, message, responder);
            next.onReaction(event, message, responder);
        };
    }
}
