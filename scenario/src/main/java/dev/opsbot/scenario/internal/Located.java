package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.scenario.ScenarioException;
import java.util.Map;

/**
 * A JSON tree read from a YAML or JSON document, with the 1-based line of every value in the document keyed by
 * absolute JSON pointer ({@code /items/3/metadata/name}), so that a problem is reported where it is. {@code node} is
 * the value at {@code base} (the empty pointer for a whole document); pointers given to {@link #line} are relative to
 * it.
 */
public record Located(String file, JsonNode node, Map<String, Integer> lines, String base) {

    public static Located document(String file, JsonNode node, Map<String, Integer> lines) {
        return new Located(file, node, lines, "");
    }

    /** The line of the value at {@code pointer}, or of its nearest ancestor that has one. */
    public int line(String pointer) {
        String at = base + pointer;
        while (true) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            if (at.isEmpty()) {
                return 1;
            }
            at = at.substring(0, at.lastIndexOf('/'));
        }
    }

    /** The line where this value (a document, or an item of a list) starts. */
    public int startLine() {
        return line("");
    }

    /** The value at {@code pointer} below this one. */
    public Located at(String pointer) {
        return new Located(file, node.at(pointer), lines, base + pointer);
    }

    public ScenarioException error(String pointer, String problem) {
        return new ScenarioException(file, line(pointer), problem);
    }
}
