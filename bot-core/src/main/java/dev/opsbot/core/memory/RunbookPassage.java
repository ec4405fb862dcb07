package dev.opsbot.core.memory;

import java.util.Objects;

/**
 * A section of a team runbook (markdown in the configured folder) that retrieval found.
 *
 * @param file the file, relative to the runbook folder ({@code checkout.md})
 * @param heading the section's heading path ({@code Checkout > OOMKilled}); the file's title for text before any
 *     heading
 * @param text the section's text, redacted
 * @param score rank score within one retrieval
 * @param similarity cosine of question and section, -1..1, comparable across retrievals
 */
public record RunbookPassage(String file, String heading, String text, double score, double similarity) {
    public RunbookPassage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(text, "text");
    }

    /** How an answer names it: {@code checkout.md › OOMKilled}. */
    public String citation() {
        return file + " › " + heading;
    }
}
