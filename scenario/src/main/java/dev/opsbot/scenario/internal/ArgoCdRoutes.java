package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argo CD's read API over the scenario's Application files: {@code GET /api/v1/applications} ({@code ?name=}
 * filters), {@code GET /api/v1/applications/{name}} and {@code GET /api/v1/applications/{name}/revisions/{revision}
 * /metadata}. Revision metadata comes from a top-level {@code revisionMetadata} map in the file, keyed by revision,
 * which is not part of the Application and is not served with it.
 */
final class ArgoCdRoutes {
    static final String PREFIX = "/api/v1/applications";
    private static final String REVISION_METADATA = "revisionMetadata";
    private static final Pattern ONE = Pattern.compile("/api/v1/applications/([^/]+)");
    private static final Pattern METADATA = Pattern.compile("/api/v1/applications/([^/]+)/revisions/([^/]+)/metadata");

    private final Map<String, JsonNode> applications = new LinkedHashMap<>();
    private final Map<String, JsonNode> revisionMetadata = new LinkedHashMap<>();

    ArgoCdRoutes(List<JsonNode> files) {
        for (JsonNode file : files) {
            String name = file.at("/metadata/name").asText();
            ObjectNode application = file.deepCopy();
            application.remove(REVISION_METADATA);
            applications.put(name, application);
            revisionMetadata.put(name, file.path(REVISION_METADATA));
        }
    }

    Optional<JsonReply> answer(String path, Map<String, String> query) {
        if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
            return Optional.of(list(query.get("name")));
        }
        Matcher metadata = METADATA.matcher(path);
        if (metadata.matches()) {
            return Optional.of(metadata(metadata.group(1), metadata.group(2)));
        }
        Matcher one = ONE.matcher(path);
        if (one.matches()) {
            JsonNode application = applications.get(one.group(1));
            return Optional.of(application == null ? notFound(one.group(1)) : JsonReply.ok(application));
        }
        return Optional.empty();
    }

    private JsonReply list(String name) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.putObject("metadata");
        ArrayNode items = list.putArray("items");
        applications.forEach((appName, application) -> {
            if (name == null || name.equals(appName)) {
                items.add(application);
            }
        });
        return JsonReply.ok(list);
    }

    private JsonReply metadata(String application, String revision) {
        if (!applications.containsKey(application)) {
            return notFound(application);
        }
        JsonNode metadata = revisionMetadata.get(application).path(revision);
        return metadata.isObject()
                ? JsonReply.ok(metadata)
                : JsonReply.notFound("revision " + revision + " of application " + application + " not found");
    }

    private static JsonReply notFound(String application) {
        return JsonReply.notFound("applications.argoproj.io \"" + application + "\" not found");
    }
}
