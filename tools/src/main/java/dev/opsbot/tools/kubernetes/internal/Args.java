package dev.opsbot.tools.kubernetes.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.opsbot.core.tool.SourceFailure;
import java.util.regex.Pattern;

/**
 * A tool call's arguments, checked as its schema promises. Names are checked against Kubernetes' own syntax before
 * they go into a URL; a bad argument is a BAD_REQUEST naming it. Numbers above their maximum are capped.
 */
public final class Args {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9_./=!,() -]{1,500}");
    private final JsonNode values;

    public Args(JsonNode values) {
        this.values = values == null ? MissingNode.getInstance() : values;
    }

    public String namespace() {
        return name("namespace");
    }

    /** A required object name. */
    public String name(String argument) {
        String value = optionalName(argument);
        if (value.isEmpty()) {
            throw bad("argument '" + argument + "' is required");
        }
        return value;
    }

    /** An optional object name, or empty. */
    public String optionalName(String argument) {
        String value = text(argument);
        if (!value.isEmpty() && !NAME.matcher(value).matches()) {
            throw bad("argument '" + argument + "' is not a valid Kubernetes name: '" + value + "'");
        }
        return value;
    }

    /** An optional label selector ({@code app=checkout,tier!=db}), or empty. */
    public String selector(String argument) {
        String value = text(argument);
        if (!value.isEmpty() && !SELECTOR.matcher(value).matches()) {
            throw bad("argument '" + argument + "' is not a label selector: '" + value + "'");
        }
        return value;
    }

    public String text(String argument) {
        JsonNode value = values.path(argument);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw bad("argument '" + argument + "' must be a string");
        }
        return value.asText().strip();
    }

    public int integer(String argument, int fallback, int minimum, int maximum) {
        JsonNode value = values.path(argument);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        int number;
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            number = value.asInt();
        } else if (value.isTextual() && value.asText().strip().matches("\\d{1,9}")) {
            number = Integer.parseInt(value.asText().strip());
        } else {
            throw bad("argument '" + argument + "' must be an integer");
        }
        if (number < minimum) {
            throw bad("argument '" + argument + "' must be at least " + minimum);
        }
        return Math.min(number, maximum);
    }

    public boolean bool(String argument) {
        JsonNode value = values.path(argument);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual()
                && (value.asText().equals("true") || value.asText().equals("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        throw bad("argument '" + argument + "' must be true or false");
    }

    private static SourceFailure bad(String why) {
        return new SourceFailure("kubernetes", SourceFailure.Kind.BAD_REQUEST, why, null);
    }
}
