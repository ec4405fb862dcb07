package dev.opsbot.app.console;

import dev.opsbot.core.chat.ChatUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The console's people, from configuration. The console trusts the page to say who is typing: it is local. */
public final class ConsoleUsers {
    /** A console user as the page lists it. */
    public record User(String id, String name, String email, String role) {
        ChatUser asChatUser() {
            return new ChatUser(id, name, email);
        }
    }

    private final Map<String, User> byId = new LinkedHashMap<>();

    public ConsoleUsers(List<User> users) {
        users.forEach(u -> byId.put(u.id(), u));
    }

    public List<User> all() {
        return List.copyOf(byId.values());
    }

    Optional<User> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    User require(String id) {
        return find(id).orElseThrow(() -> ConsoleException.badRequest(
                "unknown console user '" + id + "'; known users: " + String.join(", ", byId.keySet())));
    }
}
