package dev.opsbot.core.conversation;

import dev.opsbot.core.triage.SymptomKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads "why is checkout 5xx?", "why is shop/checkout slow", "why is checkout in shop restarting?", "what's wrong
 * with checkout" into an {@link Intent.Investigate}. The symptom words are few and fixed (docs/triage.md).
 */
final class QuestionParser {
    private static final String NAME = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";
    private static final String SERVICE =
            "(?:(?<ns>" + NAME + ")/)?(?<svc>" + NAME + ")(?:\\s+in\\s+(?<ns2>" + NAME + "))?";
    private static final Pattern WHY =
            Pattern.compile("^(?:why|how come)\\s+(?:is|are|does|do|did|has|was)\\s+(?:the\\s+)?" + SERVICE
                    + "(?:\\s+(?:service|app|deployment))?\\s+(?<what>.+)$");
    private static final Pattern WRONG = Pattern.compile(
            "^(?:what'?s|what is)\\s+(?:wrong|up|going on)\\s+with\\s+(?:the\\s+)?" + SERVICE + "(?<what>)$");
    private static final Pattern INVESTIGATE =
            Pattern.compile("^(?:investigate|triage|check)\\s+" + SERVICE + "(?<what>.*)$");

    private record Words(SymptomKind symptom, Pattern pattern) {}

    private static final List<Words> SYMPTOMS = List.of(
            new Words(SymptomKind.HTTP_5XX, Pattern.compile("5xx|50\\d|500s|erroring|errors?|failing|throwing")),
            new Words(SymptomKind.LATENCY, Pattern.compile("slow|latency|laggy|timing out|sluggish")),
            new Words(SymptomKind.RESTARTS, Pattern.compile("restart|crash|flapping|oom|dying")),
            new Words(SymptomKind.DOWN, Pattern.compile("down|unavailable|not responding|dead|unreachable|offline")));

    Optional<Intent.Investigate> parse(String withoutMentions) {
        String text = withoutMentions
                .toLowerCase(Locale.ROOT)
                .replaceAll("[?!.]+$", "")
                .strip();
        for (Pattern pattern : List.of(WHY, WRONG, INVESTIGATE)) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.matches()) {
                String namespace = matcher.group("ns") != null ? matcher.group("ns") : matcher.group("ns2");
                return Optional.of(new Intent.Investigate(
                        matcher.group("svc"), namespace, symptom(matcher.group("what")), withoutMentions.strip()));
            }
        }
        return Optional.empty();
    }

    /** Unrecognised words mean errors: "why is checkout weird?" is most often about failing requests. */
    private static SymptomKind symptom(String what) {
        for (Words words : SYMPTOMS) {
            if (words.pattern().matcher(what).find()) {
                return words.symptom();
            }
        }
        return SymptomKind.HTTP_5XX;
    }
}
