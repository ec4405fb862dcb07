package dev.opsbot.teams.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads an activity with the SDK's own Jackson setup, but its timestamps here: the SDK parses the fraction of a second
 * as nanoseconds ({@code .123} becomes 123 ns, Teams' seven digits a few milliseconds), dates an activity without
 * one at the moment it is read, and refuses a timestamp with no fraction at all ({@code 2024-03-01T09:30:00Z}, what
 * .NET writes when the fraction is zero) or one it cannot read: the whole activity, a 400 that the connector's retry
 * would get again.
 */
final class ActivityJson {
    private static final List<String> TIMESTAMPS = List.of("timestamp", "localTimestamp");

    private ActivityJson() {}

    static Activity read(JsonNode tree) throws JsonProcessingException {
        Activity activity = Serialization.safeGetAs(withoutTimestamps(tree), Activity.class);
        activity.setTimestamp(timestamp(tree.path("timestamp").textValue()));
        activity.setLocalTimestamp(timestamp(tree.path("localTimestamp").textValue()));
        return activity;
    }

    /** A shallow copy without the timestamps; the caller's tree stays as it was. */
    private static JsonNode withoutTimestamps(JsonNode tree) {
        if (!(tree instanceof ObjectNode object) || TIMESTAMPS.stream().noneMatch(object::has)) {
            return tree;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        copy.setAll(object);
        copy.remove(TIMESTAMPS);
        return copy;
    }

    private static OffsetDateTime timestamp(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null; // the translator dates it on arrival
        }
    }
}
