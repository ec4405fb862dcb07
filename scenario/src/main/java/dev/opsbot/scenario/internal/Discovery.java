package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.ApiVersionUtil;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The discovery roots the CRUD store cannot answer: {@code /version}, {@code /api} and {@code /apis} (the groups the
 * scenario's objects use). {@code /apis/{group}/{version}} is answered by the store from the resource contexts the
 * seeder registers.
 */
final class Discovery {
    private static final String VERSION = "{\"major\":\"1\",\"minor\":\"31\","
            + "\"gitVersion\":\"v1.31.0-opsbot-scenario\",\"platform\":\"linux/amd64\"}";
    private static final String CORE = "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}";

    private final String groups;

    Discovery(List<HasMetadata> objects) {
        Map<String, TreeSet<String>> versions = new TreeMap<>();
        for (HasMetadata object : objects) {
            String group = ApiVersionUtil.trimGroupOrNull(object.getApiVersion());
            if (group != null) {
                versions.computeIfAbsent(group, g -> new TreeSet<>())
                        .add(ApiVersionUtil.trimVersion(object.getApiVersion()));
            }
        }
        ObjectNode list = JsonNodeFactory.instance
                .objectNode()
                .put("kind", "APIGroupList")
                .put("apiVersion", "v1");
        ArrayNode items = list.putArray("groups");
        versions.forEach((group, groupVersions) -> {
            ObjectNode item = items.addObject().put("name", group);
            ArrayNode versionList = item.putArray("versions");
            groupVersions.forEach(version -> versionList
                    .addObject()
                    .put("groupVersion", group + "/" + version)
                    .put("version", version));
            item.set("preferredVersion", versionList.get(0));
        });
        this.groups = list.toString();
    }

    Optional<MockResponse> answer(String path) {
        String body =
                switch (path) {
                    case "/version" -> VERSION;
                    case "/api", "/api/" -> CORE;
                    case "/apis", "/apis/" -> groups;
                    default -> null;
                };
        return Optional.ofNullable(body).map(json -> new MockResponse()
                .setResponseCode(200)
                .setHeader("Content-Type", "application/json")
                .setBody(json));
    }
}
