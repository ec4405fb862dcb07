package dev.opsbot.tools.kubernetes.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which ConfigMap or Secret (and key) is missing out of the kubelet's messages:
 * {@code secret "db-creds" not found}, {@code configmap "app-config" not found},
 * {@code couldn't find key DB_URL in ConfigMap shop/app-config}.
 */
public record MissingConfig(String kind, String object, String key) {
    private static final Pattern NOT_FOUND =
            Pattern.compile("(secret|configmap)s?\\s+\"([^\"]+)\"\\s+not found", Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_KEY = Pattern.compile(
            "couldn't find key (\\S+) in (Secret|ConfigMap) (?:[^/\\s]+/)?(\\S+)", Pattern.CASE_INSENSITIVE);

    public static Optional<MissingConfig> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher key = NO_KEY.matcher(message);
        if (key.find()) {
            return Optional.of(new MissingConfig(kind(key.group(2)), key.group(3), key.group(1)));
        }
        Matcher object = NOT_FOUND.matcher(message);
        if (object.find()) {
            return Optional.of(new MissingConfig(kind(object.group(1)), object.group(2), ""));
        }
        return Optional.empty();
    }

    private static String kind(String word) {
        return word.toLowerCase(Locale.ROOT).startsWith("secret") ? "Secret" : "ConfigMap";
    }

    public String describe() {
        return (kind.equals("Secret") ? "secret " : "configmap ") + object + (key.isEmpty() ? "" : " key " + key);
    }
}
