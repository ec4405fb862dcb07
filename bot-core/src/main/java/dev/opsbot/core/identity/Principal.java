package dev.opsbot.core.identity;

import java.util.List;
import java.util.Objects;

/**
 * The person opsbot acts as. Every read goes out under this identity (Kubernetes impersonation, an STS session
 * whose source identity is the person), never as the bot itself.
 *
 * @param subject the person's stable identity in the organisation (an e-mail or directory user name)
 * @param displayName how the person is shown in chat
 * @param groups the person's groups, sent along with Kubernetes impersonation
 */
public record Principal(String subject, String displayName, List<String> groups) {
    public Principal {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a principal needs a subject");
        }
        displayName = displayName == null ? subject : displayName;
        groups = List.copyOf(groups);
    }

    public static Principal of(String subject) {
        return new Principal(subject, subject, List.of());
    }
}
