package dev.opsbot.tools.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.opsbot.core.tool.SourceFailure;
import java.util.Collection;

/**
 * A tool call's arguments, read with the checks its schema promises. A missing or wrong argument is a
 * {@link SourceFailure.Kind#BAD_REQUEST} that names the argument; numbers above their maximum are capped, not refused.
 */
public final class Arguments {
    private final String source;
    private final JsonNode values;

    public Arguments(String source, JsonNode values) {
        this.source = source;
        this.values = values == null ? MissingNode.getInstance() : values;
    }

    public String text(String name) {
        String value = optionalText(name, "");
        if (value.isEmpty()) {
            throw bad("argument '" + name + "' is required");
        }
        return value;
    }

    public String optionalText(String name, String fallback) {
        JsonNode value = values.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw bad("argument '" + name + "' must be a string");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? fallback : text;
    }

    public String oneOf(String name, Collection<String> allowed) {
        String value = text(name);
        if (!allowed.contains(value)) {
            throw bad("argument '" + name + "' must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
        }
        return value;
    }

    public int integer(String name, int fallback, int minimum, int maximum) {
        JsonNode value = values.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        int number;
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            number = value.asInt();
        } else if (value.isTextual() && isInteger(value.asText())) {
            number = Integer.parseInt(value.asText().strip());
        } else {
            throw bad("argument '" + name + "' must be an integer");
        }
        if (number < minimum) {
            throw bad("argument '" + name + "' must be at least " + minimum);
        }
        return Math.min(number, maximum);
    }

    private static boolean isInteger(String text) {
        return text.strip().matches("-?\\d{1,9}");
    }

    private SourceFailure bad(String why) {
        return new SourceFailure(source, SourceFailure.Kind.BAD_REQUEST, why, null);
    }
}
