package dev.opsbot.app.config;

/**
 * A person the web console lets you post as. The console has no login: picking a user is how a demo shows that
 * opsbot answers, and refuses, according to who is asking.
 *
 * @param id what the console and the HTTP API call the user ({@code alice}); lower-case letters, digits, '.', '_', '-'
 * @param name the display name; the id when not given
 * @param email what identity mapping keys on; {@code null} for a user mapped to no one
 * @param role free text shown next to the name, such as "on-call engineer"
 */
public record ConsoleUser(String id, String name, String email, String role) {
    public ConsoleUser {
        id = Checks.text("console.users[].id", id, "give every console user an id such as alice");
        name = name == null || name.isBlank() ? id : name.trim();
        email = Checks.blankToNull(email);
        role = role == null ? "" : role.trim();
    }

    static ConsoleUser from(ConfigNode node) {
        // checked here too, where the list index is known, so the message points at the entry
        String id = Checks.text(node.key("id"), node.text("id"), "give every console user an id such as alice");
        ConsoleUser user = new ConsoleUser(id, node.text("name"), node.text("email"), node.text("role"));
        node.rejectUnknown();
        return user;
    }
}
