package dev.opsbot.core.chat;

/** One message inside a thread, as the platform identifies it. */
public record MessageRef(ThreadRef thread, String messageId) {
    public MessageRef {
        java.util.Objects.requireNonNull(thread, "thread");
        ChatUser.requireText(messageId, "messageId");
    }

    public String platform() {
        return thread.platform();
    }
}
