package dev.opsbot.scenario;

import java.util.List;

/**
 * A request that changed the scenario's cluster, with who made it.
 *
 * @param method {@code PATCH}, {@code PUT}, {@code POST}, {@code DELETE}
 * @param path the API path, with its query
 * @param user the impersonated user, or null when the request impersonated no one
 * @param groups the impersonated groups
 */
public record ScenarioWrite(String method, String path, String user, List<String> groups) {
    public ScenarioWrite {
        groups = List.copyOf(groups);
    }
}
