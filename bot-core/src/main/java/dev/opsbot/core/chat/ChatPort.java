package dev.opsbot.core.chat;

/**
 * How opsbot speaks on one platform. Implementations translate {@link Reply} to the platform's own format and
 * throw {@link ChatDeliveryException} when the platform refuses or cannot be reached.
 */
public interface ChatPort {
    /** The platform this port posts to: the same string as {@link ThreadRef#platform()}. */
    String platform();

    /** Posts a reply in a thread and returns the new message. */
    MessageRef post(ThreadRef thread, Reply reply);

    /** Replaces the content of a message opsbot posted earlier (progress updates). */
    void update(MessageRef message, Reply reply);

    /** Adds opsbot's own reaction to a message (e.g. :eyes: when work starts). */
    void react(MessageRef message, String reaction);
}
