package dev.opsbot.memory.runbooks;

import java.util.Objects;

/**
 * A runbook's markdown as read, before redaction.
 *
 * @param name the file, relative to the runbook folder, with {@code /} between folders ({@code db/postgres.md}): what
 *     citations show
 */
public record RunbookFile(String name, String markdown) {
    public RunbookFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(markdown, "markdown");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a runbook file needs a name");
        }
    }
}
