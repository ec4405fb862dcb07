package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's and SnakeYAML's parse errors as one sentence without the location noise: the location is reported by
 * the caller as file and line.
 */
final class ParserMessages {
    private static final Pattern CONTEXT_LINE = Pattern.compile("^\\s+in '[^']*', line (\\d+), column \\d+:");
    private static final Pattern SOURCE =
            Pattern.compile("\\s*(\\(for \\w+ starting at )?\\[Source: .*$", Pattern.DOTALL);

    private ParserMessages() {}

    static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        List<String> sentences = new ArrayList<>();
        String[] lines = message.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            String sentence = SOURCE.matcher(line).replaceAll("");
            Matcher context = i + 1 < lines.length ? CONTEXT_LINE.matcher(lines[i + 1]) : null;
            if (sentences.isEmpty() && lines.length > 2 && context != null && context.find()) {
                sentence += " (from line " + context.group(1) + ")";
            }
            sentences.add(sentence.strip());
        }
        return sentences.isEmpty() ? message.strip() : String.join(": ", sentences);
    }
}
