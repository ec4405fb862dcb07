package dev.opsbot.core.chat;

/**
 * Where a conversation happens: a platform ({@code console}, {@code slack}, {@code teams}), a channel and the id
 * of the thread's root message. A message that starts a new thread is its own root.
 */
public record ThreadRef(String platform, String channel, String thread) {
    public ThreadRef {
        ChatUser.requireText(platform, "platform");
        ChatUser.requireText(channel, "channel");
        ChatUser.requireText(thread, "thread");
    }
}
