package dev.opsbot.core.chat;

import java.util.Objects;

/**
 * A person (or bot) on a chat platform. {@code email} is what identity mapping keys on; platforms that do not
 * tell it leave it {@code null}.
 */
public record ChatUser(String id, String name, String email) {
    public ChatUser {
        requireText(id, "id");
        name = name == null || name.isBlank() ? id : name;
    }

    public static ChatUser of(String id) {
        return new ChatUser(id, id, null);
    }

    static String requireText(String value, String what) {
        Objects.requireNonNull(value, what + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
