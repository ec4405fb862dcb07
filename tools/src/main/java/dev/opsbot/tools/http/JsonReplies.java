package dev.opsbot.tools.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.opsbot.core.tool.SourceFailure;
import java.io.IOException;

/**
 * Turns a reply into JSON or into the {@link SourceFailure} its status means. Messages name the source, the
 * permission or object, and the status; they never quote the response body (it may echo what was sent).
 */
public final class JsonReplies {
    private JsonReplies() {}

    /**
     * The JSON body of a 2xx reply.
     *
     * @param permission what a 401/403 means the identity lacks ({@code applications/get on checkout})
     * @param what the object asked for, for a 404 ({@code application checkout})
     * @param shape {@code OBJECT} or {@code ARRAY}: what the API documents; anything else is UNAVAILABLE
     */
    public static JsonNode read(String source, HttpReply reply, String permission, String what, JsonNodeType shape) {
        if (!reply.ok()) {
            throw forStatus(source, reply, permission, what);
        }
        JsonNode body = parse(source, reply);
        if (body.getNodeType() != shape) {
            throw unexpectedShape(source, reply, shape == JsonNodeType.ARRAY ? "an array" : "an object");
        }
        return body;
    }

    public static SourceFailure forStatus(String source, HttpReply reply, String permission, String what) {
        int status = reply.status();
        return switch (status) {
            case 401, 403 -> SourceFailure.forbidden(source, permission);
            case 404 -> new SourceFailure(source, SourceFailure.Kind.NOT_FOUND, source + " has no " + what, null);
            case 400, 422 ->
                new SourceFailure(
                        source,
                        SourceFailure.Kind.BAD_REQUEST,
                        source + " refused the request for " + what + " (HTTP " + status + ")",
                        null);
            case 429 -> SourceFailure.unavailable(source, "it answered HTTP 429 (too many requests)", null);
            default ->
                SourceFailure.unavailable(
                        source,
                        "it answered HTTP " + status + " for " + reply.uri().getRawPath(),
                        null);
        };
    }

    private static SourceFailure unexpectedShape(String source, HttpReply reply, String expected) {
        return SourceFailure.unavailable(
                source, "it answered " + reply.uri().getRawPath() + " with JSON that is not " + expected, null);
    }

    /** The body as JSON; an empty or malformed body is a source failure, not a parser exception. */
    public static JsonNode parse(String source, HttpReply reply) {
        String path = reply.uri().getRawPath();
        if (reply.body().length == 0) {
            throw SourceFailure.unavailable(source, "it answered " + path + " with an empty body", null);
        }
        try {
            return Json.mapper().readTree(reply.body());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw SourceFailure.unavailable(source, "it answered " + path + " with malformed JSON" + where, null);
        } catch (IOException e) {
            throw SourceFailure.unavailable(source, "its answer to " + path + " could not be read", null);
        }
    }
}
