package dev.opsbot.app.server;

import io.javalin.config.RoutesConfig;

/** A group of HTTP routes (the console API, operations endpoints, later Slack and Teams) added to the one server. */
@FunctionalInterface
public interface RouteModule {
    void register(RoutesConfig routes);
}
