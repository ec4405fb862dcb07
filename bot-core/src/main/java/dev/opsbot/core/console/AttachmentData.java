package dev.opsbot.core.console;

import java.util.Objects;

/** The stored bytes of a console attachment. */
public record AttachmentData(String id, String messageId, String type, String title, byte[] data) {
    public AttachmentData {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
