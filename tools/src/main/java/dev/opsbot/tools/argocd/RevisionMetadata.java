package dev.opsbot.tools.argocd;

import java.time.Instant;

/**
 * What Argo CD's repo server knows about a git revision.
 *
 * @param author as git records it: {@code Alice <alice@example.com>}
 * @param date the commit date, or null
 * @param message the commit message
 */
public record RevisionMetadata(String author, Instant date, String message) {

    /** The author's name without the address: {@code Alice}; the address when there is no name. */
    public String authorName() {
        int open = author.indexOf('<');
        if (open < 0) {
            return author.strip();
        }
        String name = author.substring(0, open).strip();
        if (!name.isEmpty()) {
            return name;
        }
        int close = author.indexOf('>', open);
        return author.substring(open + 1, close < 0 ? author.length() : close).strip();
    }

    /** The first line of the message, shortened. */
    public String subject() {
        String first = message.strip().lines().findFirst().orElse("");
        return first.length() > 80 ? first.substring(0, 80) + "…" : first;
    }
}
