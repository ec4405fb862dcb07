package dev.opsbot.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.app.testing.HttpJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpServerTest {
    private static final RouteModule ECHO =
            routes -> routes.get("/api/console/ping", ctx -> ctx.json(Map.of("pong", true)));

    private static HttpServer start(ConsoleTokenGuard guard, StartupGate gate) {
        return HttpServer.start(
                "127.0.0.1", 0, new ObjectMapper(), new SimpleMeterRegistry(), List.of(ECHO), guard, gate, false);
    }

    private static StartupGate opened() {
        StartupGate gate = new StartupGate();
        gate.open();
        return gate;
    }

    @Test
    void theApiAnswers503WithRetryAfterUntilStartupFinishes() throws Exception {
        StartupGate gate = new StartupGate();
        try (HttpServer server = start(ConsoleTokenGuard.open(), gate)) {
            HttpResponse<String> starting = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + server.port() + "/api/console/ping"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(starting.headers().firstValue("Retry-After")).contains("1");
            assertThat(starting.body()).contains("starting");

            gate.open();

            assertThat(new HttpJson(server.port()).get("/api/console/ping").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void withATokenConfiguredTheConsoleRefusesRequestsWithoutIt() throws Exception {
        try (HttpServer server = start(ConsoleTokenGuard.requiring("s3cret-token"), opened())) {
            String url = "http://127.0.0.1:" + server.port() + "/api/console/ping";
            HttpClient client = HttpClient.newHttpClient();

            HttpResponse<String> none =
                    client.send(HttpRequest.newBuilder(URI.create(url)).build(), body());
            HttpResponse<String> wrong = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer nope")
                            .build(),
                    body());
            HttpResponse<String> bearer = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer s3cret-token")
                            .build(),
                    body());
            HttpResponse<String> query = client.send(
                    HttpRequest.newBuilder(URI.create(url + "?token=s3cret-token"))
                            .build(),
                    body());

            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.body()).contains("token").doesNotContain("s3cret-token");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(bearer.statusCode()).isEqualTo(200);
            assertThat(query.statusCode()).as("moved out of the address").isEqualTo(303);
            assertThat(query.headers().allValues("Set-Cookie"))
                    .anySatisfy(cookie -> assertThat(cookie).startsWith(ConsoleTokenGuard.COOKIE + "="));
        }
    }

    @Test
    void healthIsNotBehindTheConsoleToken() {
        RouteModule health = routes -> routes.get("/healthz", ctx -> ctx.result("ok"));
        try (HttpServer server = HttpServer.start(
                "127.0.0.1",
                0,
                new ObjectMapper(),
                new SimpleMeterRegistry(),
                List.of(health),
                ConsoleTokenGuard.requiring("t"),
                opened(),
                false)) {
            assertThat(new HttpJson(server.port()).get("/healthz").status()).isEqualTo(200);
        }
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedAs413() throws IOException, InterruptedException {
        RouteModule sink = routes -> routes.post("/api/console/messages", ctx -> ctx.result(ctx.body()));
        try (HttpServer server = HttpServer.start(
                "127.0.0.1",
                0,
                new ObjectMapper(),
                new SimpleMeterRegistry(),
                List.of(sink),
                ConsoleTokenGuard.open(),
                opened(),
                false)) {
            HttpJson.Response response = new HttpJson(server.port())
                    .post("/api/console/messages", "{\"text\":\"" + "z".repeat(1_100_000) + "\"}");

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.json().get("error").asText()).contains("too large");
        }
    }

    private static HttpResponse.BodyHandler<String> body() {
        return HttpResponse.BodyHandlers.ofString();
    }
}
