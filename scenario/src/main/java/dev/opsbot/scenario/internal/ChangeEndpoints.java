package dev.opsbot.scenario.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.opsbot.scenario.Scenario;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One local HTTP server for a scenario's change sources: Argo CD ({@link ArgoCdRoutes}) and GitHub
 * ({@link GitHubRoutes}) under the same base URL. Anything else, and any method but GET, is a JSON 404/405.
 */
public final class ChangeEndpoints implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final ArgoCdRoutes argocd;
    private final GitHubRoutes github;

    private ChangeEndpoints(HttpServer server, ExecutorService executor, Scenario scenario) {
        this.server = server;
        this.executor = executor;
        this.argocd = new ArgoCdRoutes(scenario.argocdApplications());
        this.github = new GitHubRoutes(scenario.githubRuns(), scenario.githubDeployments());
    }

    public static ChangeEndpoints start(Scenario scenario) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            ChangeEndpoints endpoints = new ChangeEndpoints(server, executor, scenario);
            server.createContext("/", endpoints::handle);
            server.setExecutor(executor);
            server.start();
            return endpoints;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local Argo CD and GitHub endpoints", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonReply reply = answer(exchange);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private JsonReply answer(HttpExchange exchange) {
        if (!exchange.getRequestMethod().equals("GET")) {
            return new JsonReply(405, "{\"message\":\"only GET is served for a scenario\"}");
        }
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> query = QueryString.parse(exchange.getRequestURI().getRawQuery());
        Optional<JsonReply> reply = Optional.empty();
        if (path.startsWith(ArgoCdRoutes.PREFIX)) {
            reply = argocd.answer(decode(path), query);
        } else if (path.startsWith(GitHubRoutes.PREFIX)) {
            reply = github.answer(decode(path), query);
        }
        return reply.orElseGet(() -> JsonReply.notFound("no such endpoint in a scenario: " + path));
    }

    private static String decode(String rawPath) {
        return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
