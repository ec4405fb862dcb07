package dev.opsbot.core.triage.rules;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes quantities ({@code 512Mi}, {@code 200m}, {@code 1.5}) as numbers, so rules can tell lowered from raised. */
final class Quantities {
    private static final Pattern QUANTITY = Pattern.compile("\\s*([0-9.]+)\\s*([a-zA-Z]*)\\s*");

    private Quantities() {}

    static OptionalDouble parse(String text) {
        Matcher matcher = QUANTITY.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            return OptionalDouble.empty();
        }
        double number;
        try {
            number = Double.parseDouble(matcher.group(1));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
        return switch (matcher.group(2)) {
            case "" -> OptionalDouble.of(number);
            case "m" -> OptionalDouble.of(number / 1000);
            case "k" -> OptionalDouble.of(number * 1e3);
            case "M" -> OptionalDouble.of(number * 1e6);
            case "G" -> OptionalDouble.of(number * 1e9);
            case "T" -> OptionalDouble.of(number * 1e12);
            case "Ki" -> OptionalDouble.of(number * 1024);
            case "Mi" -> OptionalDouble.of(number * 1024 * 1024);
            case "Gi" -> OptionalDouble.of(number * 1024 * 1024 * 1024);
            case "Ti" -> OptionalDouble.of(number * 1024 * 1024 * 1024 * 1024);
            default -> OptionalDouble.empty();
        };
    }

    /** Whether {@code after} is a smaller quantity than {@code before} (false when either is unknown). */
    static boolean lowered(String before, String after) {
        OptionalDouble was = parse(before);
        OptionalDouble now = parse(after);
        return was.isPresent() && now.isPresent() && now.getAsDouble() < was.getAsDouble();
    }

    /** Twice {@code quantity}, in the same unit ({@code 128Mi} -> {@code 256Mi}); the input when it cannot tell. */
    static String doubled(String quantity) {
        Matcher matcher = QUANTITY.matcher(quantity == null ? "" : quantity);
        if (!matcher.matches()) {
            return quantity;
        }
        double doubled = Double.parseDouble(matcher.group(1)) * 2;
        String number = doubled == Math.rint(doubled) ? String.valueOf((long) doubled) : String.valueOf(doubled);
        return number + matcher.group(2);
    }
}
