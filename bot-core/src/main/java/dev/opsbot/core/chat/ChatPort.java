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

    /**
     * Starts a new thread in {@code channel} with {@code reply} (a scheduled shift handoff); the returned message's
     * thread is the new thread.
     */
    MessageRef postToChannel(String channel, Reply reply);

    /**
     * Sends {@code reply} to one person directly (the next on-call engineer's handoff), found by their e-mail.
     *
     * @throws ChatDeliveryException when the platform knows nobody with that e-mail
     */
    MessageRef postDirect(String email, Reply reply);
}
