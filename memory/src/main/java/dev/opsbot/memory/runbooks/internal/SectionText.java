package dev.opsbot.memory.runbooks.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A section's lines, grouped into blocks (paragraphs, lists, code blocks) at blank lines outside code, and cut into
 * parts at block boundaries when long. A code block is never cut; a long block of prose or a long list is cut between
 * lines.
 */
final class SectionText {
    private record Block(List<String> lines, boolean code) {
        String text() {
            return String.join("\n", lines);
        }
    }

    private final List<Block> blocks = new ArrayList<>();
    private List<String> lines = new ArrayList<>();
    private boolean code;

    /** @param inCode whether the line belongs to a fenced code block (its fences included) */
    void add(String line, boolean inCode) {
        if (!inCode && line.isBlank()) {
            endBlock();
            return;
        }
        lines.add(line.stripTrailing());
        code |= inCode;
    }

    /** The text in parts of at most {@code max} characters where blocks allow; none when there is no text. */
    List<String> parts(int max) {
        endBlock();
        List<String> pieces = new ArrayList<>();
        for (Block block : blocks) {
            String text = block.text();
            if (text.length() > max && !block.code()) {
                pieces.addAll(pack(block.lines(), "\n", max));
            } else {
                pieces.add(text);
            }
        }
        return pack(pieces, "\n\n", max);
    }

    /** The pieces joined greedily: a new part starts when the next piece would take this one past {@code max}. */
    private static List<String> pack(List<String> pieces, String separator, int max) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String piece : pieces) {
            if (!part.isEmpty() && part.length() + separator.length() + piece.length() > max) {
                parts.add(part.toString());
                part.setLength(0);
            }
            if (!part.isEmpty()) {
                part.append(separator);
            }
            part.append(piece);
        }
        if (!part.toString().isBlank()) {
            parts.add(part.toString());
        }
        return parts;
    }

    private void endBlock() {
        while (!lines.isEmpty() && lines.getLast().isBlank()) {
            lines.removeLast(); // the end of the file inside a fence left open
        }
        if (!lines.isEmpty()) {
            blocks.add(new Block(List.copyOf(lines), code));
        }
        lines = new ArrayList<>();
        code = false;
    }
}
