package dev.opsbot.core.conversation;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises intents with fixed rules, no model: the words people type at 3 am are few, and a rule never
 * hallucinates. Leading mentions ({@code @opsbot}, Slack's {@code <@U123>}) and punctuation are ignored.
 */
public final class IntentParser {
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(\\s*(<@[^>]+>|@[\\w.-]+)[,:]?)+\\s*");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s?!.]+$");
    private static final Set<String> HELP = Set.of("help", "?", "commands", "what can you do", "usage", "hi", "hello");
    private static final Set<String> STATUS = Set.of("status", "version", "health", "ping");
    private static final Set<String> WHOAMI = Set.of("whoami", "who am i", "whoami refresh", "who am i refresh");
    private static final Set<String> ACCESS =
            Set.of("access", "my access", "what can i do", "what can i access", "permissions", "my permissions");

    private final QuestionParser questions = new QuestionParser();

    public Intent parse(String text) {
        String normalised = normalise(text);
        if (normalised.isEmpty() || HELP.contains(normalised)) {
            return new Intent.Help();
        }
        if (STATUS.contains(normalised)) {
            return new Intent.Status();
        }
        if (WHOAMI.contains(normalised)) {
            return new Intent.WhoAmI(normalised.endsWith("refresh"));
        }
        if (ACCESS.contains(normalised)) {
            return new Intent.Access();
        }
        return questions
                .parse(stripMentions(text))
                .<Intent>map(question -> question)
                .orElseGet(() -> new Intent.Unrecognized(stripMentions(text)));
    }

    static String stripMentions(String text) {
        return LEADING_MENTIONS
                .matcher(text == null ? "" : text)
                .replaceFirst("")
                .strip();
    }

    private static String normalise(String text) {
        String withoutMentions = stripMentions(text).toLowerCase(Locale.ROOT);
        if (withoutMentions.equals("?")) {
            return withoutMentions;
        }
        return TRAILING_PUNCTUATION.matcher(withoutMentions).replaceFirst("").strip();
    }
}
