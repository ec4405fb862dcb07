package dev.opsbot.identity.directory;

import java.util.List;
import java.util.Objects;

/**
 * A person listed in opsbot's configuration ({@code identity.people}).
 *
 * @param email the key chat users are matched by, case-insensitively
 * @param displayName how to show them; null to use the chat platform's name
 * @param groups the groups group mappings are matched against
 */
public record StaticPerson(String email, String displayName, List<String> groups) {
    public StaticPerson {
        Objects.requireNonNull(email, "email");
        email = email.strip();
        if (email.isEmpty() || !email.contains("@")) {
            throw new IllegalArgumentException(
                    "identity.people: '" + email + "' is not an e-mail address; list people by e-mail");
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
