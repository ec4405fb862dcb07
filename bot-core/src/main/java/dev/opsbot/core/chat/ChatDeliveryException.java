package dev.opsbot.core.chat;

import dev.opsbot.core.OpsbotException;

/** A platform refused or did not take a message; {@link #retriable()} says whether trying again can help. */
public class ChatDeliveryException extends OpsbotException {
    public ChatDeliveryException(String message, boolean retriable, Throwable cause) {
        super(message, retriable, cause);
    }
}
