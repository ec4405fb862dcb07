package dev.opsbot.app.deploy;

import java.util.Locale;
import java.util.Map;

/**
 * The environment opsbot's container gets: its literal values and, from the overlay's own Secret, the referenced
 * ones. Where the Secret is made outside the overlay (production), the required references get an example value
 * and the optional ones stay unset, as a Secret holding only the database keys would leave them.
 */
final class PodEnvironment {
    private PodEnvironment() {}

    static Map<String, String> of(RenderedOverlay overlay) {
        Map<String, String> env = overlay.literalEnv();
        overlay.secretRefs()
                .forEach((variable, ref) -> overlay.secret(ref.path("name").asText())
                        .ifPresentOrElse(
                                secret -> {
                                    String value = secret.get(ref.path("key").asText());
                                    if (value != null) {
                                        env.put(variable, value);
                                    }
                                },
                                () -> {
                                    if (!ref.path("optional").asBoolean(false)) {
                                        env.put(variable, exampleValue(variable));
                                    }
                                }));
        return env;
    }

    private static String exampleValue(String variable) {
        return switch (variable) {
            case "OPSBOT_DATABASE_URL" -> "jdbc:postgresql://postgres.example.internal:5432/opsbot";
            case "OPSBOT_DATABASE_USER" -> "opsbot";
            default -> "example-" + variable.toLowerCase(Locale.ROOT);
        };
    }
}
