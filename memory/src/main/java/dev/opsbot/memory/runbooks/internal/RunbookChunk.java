package dev.opsbot.memory.runbooks.internal;

import java.util.Objects;

/**
 * One passage of a runbook: a section, or one part of a long one.
 *
 * @param section the heading path ({@code Checkout > OOMKilled})
 * @param part 1 for a whole section or its first part, 2 and up for the rest
 * @param text the section's text without its heading line
 * @param service the service the file declares in its front matter, or null
 */
public record RunbookChunk(String file, String section, int part, String text, String service) {
    public RunbookChunk {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(text, "text");
        if (part < 1) {
            throw new IllegalArgumentException("parts count from 1, not " + part);
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("a runbook passage must have text");
        }
    }

    /** The heading as cited: the path, and for a later part its number ({@code Checkout > OOMKilled (2)}). */
    public String heading() {
        return part == 1 ? section : section + " (" + part + ")";
    }

    /** What is embedded and searched: the heading path carries much of a section's meaning ("OOMKilled"). */
    public String searchText() {
        return section.isEmpty() ? text : section + "\n\n" + text;
    }
}
