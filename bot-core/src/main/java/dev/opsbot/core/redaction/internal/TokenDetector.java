package dev.opsbot.core.redaction.internal;

import dev.opsbot.core.redaction.Detector;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret recognised by a regex that starts at (or a fixed distance before) its keyword: a vendor's prefixed token
 * ({@code ghp_...}), a value after a vendor-specific key ({@code DD_API_KEY=...}), a webhook URL's secret path.
 * The regex runs only in a window from the keyword to the longest such secret, with possessive quantifiers, so no
 * input can make it backtrack.
 */
public final class TokenDetector implements Detector {
    private static final double MIN_BITS = 3.0;

    private final String type;
    private final List<String> prefixes;
    private final List<String> keywords;
    private final Pattern pattern;
    private final int back;
    private final int span;
    private final int priority;
    private final Predicate<String> accept;

    private TokenDetector(
            String type,
            List<String> prefixes,
            List<String> keywords,
            Pattern pattern,
            int back,
            int span,
            int priority,
            Predicate<String> accept) {
        this.type = type;
        this.prefixes = prefixes;
        this.keywords = keywords;
        this.pattern = pattern;
        this.back = back;
        this.span = span;
        this.priority = priority;
        this.accept = accept;
    }

    /**
     * A token that begins with one of {@code prefixes} (exactly, case included) followed by {@code body}; it must not
     * be preceded by a letter, digit, {@code _} or {@code -}, nor followed by a letter or digit.
     */
    public static TokenDetector prefixed(String type, List<String> prefixes, String body, int maxLength) {
        String alternatives =
                String.join("|", prefixes.stream().map(Pattern::quote).toList());
        Pattern pattern = Pattern.compile("(?:" + alternatives + ")" + body + "(?![A-Za-z0-9])");
        return new TokenDetector(
                type, prefixes, lower(prefixes), pattern, 0, maxLength, SPECIFIC, TokenDetector::notPlaceholder);
    }

    public static TokenDetector prefixed(String type, String prefix, String body, int maxLength) {
        return prefixed(type, List.of(prefix), body, maxLength);
    }

    /**
     * The value after one of {@code keys} (any case) and a separator ({@code =}, {@code :}, quotes and blanks
     * allowed; keys that end in {@code =} bring their own): {@code value} is the secret's regex, group 1 of the whole.
     */
    public static TokenDetector keyed(String type, List<String> keys, String value, int maxLength) {
        String alternatives = String.join("|", keys.stream().map(Pattern::quote).toList());
        boolean ownSeparator = keys.stream().allMatch(k -> k.endsWith("="));
        String separator = ownSeparator ? "" : "[\"']?\\s{0,8}+(?::=|=>|[:=])\\s{0,8}+[\"']?";
        Pattern pattern = Pattern.compile("(?i:" + alternatives + ")" + separator + "(" + value + ")(?![A-Za-z0-9])");
        return new TokenDetector(
                type, List.of(), lower(keys), pattern, 0, maxLength + 96, CONTEXT, TokenDetector::notPlaceholder);
    }

    /**
     * A secret matched by {@code regex} (case-sensitive), found in a window starting {@code back} characters before
     * the keyword; group 1 when the regex has one, else the whole match.
     */
    public static TokenDetector shaped(String type, String keyword, int back, String regex, int maxLength) {
        return new TokenDetector(
                type,
                List.of(),
                List.of(keyword),
                Pattern.compile(regex),
                back,
                maxLength,
                SPECIFIC,
                TokenDetector::notPlaceholder);
    }

    /** The same detector, also requiring {@code test} of the secret (to skip documentation examples, say). */
    public TokenDetector accepting(Predicate<String> test) {
        return new TokenDetector(type, prefixes, keywords, pattern, back, span, priority, accept.and(test));
    }

    /** The same detector at another priority. */
    public TokenDetector at(int newPriority) {
        return new TokenDetector(type, prefixes, keywords, pattern, back, span, newPriority, accept);
    }

    @Override
    public List<String> types() {
        return List.of(type);
    }

    @Override
    public List<String> keywords() {
        return keywords;
    }

    @Override
    public void detect(String text, int hit, String keyword, Found found) {
        if (!prefixes.isEmpty()
                && ((hit > 0 && Chars.isBase64Url(text.charAt(hit - 1))) || !exactPrefixAt(text, hit))) {
            return; // a token starts a word: "sk-sk-sk-..." tries the first "sk-" only
        }
        int from = Math.max(0, hit - back);
        int to = (int) Math.min(text.length(), (long) hit + keyword.length() + span);
        Matcher m = pattern.matcher(text);
        m.region(from, to);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        int group = m.groupCount() >= 1 ? 1 : 0;
        if (back == 0) {
            if (m.lookingAt()) {
                report(text, m, group, found);
            }
            return;
        }
        while (m.find() && m.start() <= hit) {
            if (m.end() > hit) {
                report(text, m, group, found);
                return;
            }
        }
    }

    private void report(String text, Matcher m, int group, Found found) {
        String secret = m.group(group);
        if (secret != null && accept.test(secret) && Entropy.bits(secret) >= MIN_BITS) {
            found.secret(type, m.start(group), m.end(group), priority);
            found.examined(m.end());
        }
    }

    private boolean exactPrefixAt(String text, int at) {
        for (String prefix : prefixes) {
            if (text.startsWith(prefix, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean notPlaceholder(String secret) {
        return !Values.isMasked(secret);
    }

    private static List<String> lower(List<String> literals) {
        return literals.stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    @Override
    public String toString() {
        return "TokenDetector[" + type + "]";
    }
}
