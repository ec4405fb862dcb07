package dev.opsbot.core.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one JSON form of an {@link AuditEvent} that is hashed and stored: the event with its {@code type}, keys
 * sorted, no whitespace, null fields left out, instants as ISO-8601 UTC ({@link java.time.Instant#toString()}),
 * integers plain. For what events hold this is RFC 8785 (JSON Canonicalization Scheme), so other tools can
 * reproduce it: Python's {@code json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)}
 * writes the same text. docs/audit.md has the rules in full.
 */
public final class CanonicalJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private CanonicalJson() {}

    /** The canonical text of {@code event}. */
    public static String of(AuditEvent event) {
        try (TokenBuffer buffer = new TokenBuffer(JSON, false)) {
            // written as the interface, so that the JSON carries the "type" the event reads back by
            JSON.writerFor(AuditEvent.class).writeValue(buffer, event);
            JsonNode tree = JSON.readTree(buffer.asParser());
            return CanonicalWriter.write(tree);
        } catch (IOException e) {
            throw new IllegalArgumentException(event.kind() + " event cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The event a canonical (or any) JSON text holds.
     *
     * @throws IllegalArgumentException when it is no {@link AuditEvent} this version knows
     */
    public static AuditEvent read(String json) {
        try {
            return JSON.readValue(json, AuditEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /**
     * The top-level {@code type}, {@code actor} and {@code at} of an event's JSON, read without building the event:
     * verification compares them with the columns copied out of it, also for event types this version does not know.
     *
     * @throws IllegalArgumentException when the text is no JSON object
     */
    static Header header(String json) {
        String type = null;
        String actor = null;
        String at = null;
        try (JsonParser parser = JSON.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "type" -> type = textOf(parser, value);
                    case "actor" -> actor = textOf(parser, value);
                    case "at" -> at = textOf(parser, value);
                    default -> parser.skipChildren();
                }
            }
            return new Header(type, actor, at);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static String textOf(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    /** What verification checks the copied columns against; a field that is missing or not a string is null. */
    record Header(String type, String actor, String at) {}
}
