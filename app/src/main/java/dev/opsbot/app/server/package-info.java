/** The one HTTP server (Javalin on Jetty): JSON, error mapping, request metrics, and the route modules. */
package dev.opsbot.app.server;
