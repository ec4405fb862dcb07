package dev.opsbot.core.conversation;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
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

    private static final Pattern REMEMBER =
            Pattern.compile("(?is)^remember\\b(?:\\s+that)?\\s*[:,]?\\s*(?:(fact|fix|runbook|preference)\\s*:\\s*)?"
                    + "(?:for\\s+([a-z0-9][a-z0-9-]*)\\s*:\\s*)?(.*)$");
    private static final Pattern FORGET = Pattern.compile("(?i)^forget\\s+(\\S+)$");
    private static final Pattern MEMORIES = Pattern.compile(
            "(?i)^(?:memories|what do you remember|what have you learned)(?:\\s+(?:about|for)?\\s*([a-z0-9][a-z0-9-]*))?$");

    private static final Set<String> RESOLVED = Set.of(
            "resolved",
            "resolve",
            "it's resolved",
            "it is resolved",
            "incident resolved",
            "fixed",
            "it's fixed",
            "all good",
            "all good now",
            "mark resolved",
            "mark as resolved");
    private static final Pattern HANDOFF =
            Pattern.compile("(?i)^(?:handoff|hand off|handover|shift handoff|shift summary)(?:\\s+(.+))?$");

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
        if (RESOLVED.contains(normalised)) {
            return new Intent.Resolved();
        }
        Matcher handoff = HANDOFF.matcher(normalised);
        if (handoff.matches()) {
            return new Intent.Handoff(
                    handoff.group(1) == null ? null : handoff.group(1).strip());
        }
        Intent memory = memory(stripMentions(text), normalised);
        if (memory != null) {
            return memory;
        }
        return questions
                .parse(stripMentions(text))
                .<Intent>map(question -> question)
                .orElseGet(() -> new Intent.Unrecognized(stripMentions(text)));
    }

    /** Memory commands; the text to remember is kept as written (case, punctuation), not normalised. */
    private static Intent memory(String said, String normalised) {
        Matcher remember = REMEMBER.matcher(said);
        if (normalised.startsWith("remember") && remember.matches()) {
            return new Intent.Remember(
                    remember.group(3).strip(),
                    remember.group(1) == null ? null : remember.group(1).toLowerCase(Locale.ROOT),
                    remember.group(2) == null ? null : remember.group(2).toLowerCase(Locale.ROOT));
        }
        Matcher forget = FORGET.matcher(normalised);
        if (forget.matches()) {
            return new Intent.Forget(forget.group(1));
        }
        Matcher memories = MEMORIES.matcher(normalised);
        if (memories.matches()) {
            return new Intent.Memories(memories.group(1));
        }
        return null;
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
