package dev.opsbot.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.app.testing.RawHttp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Other sites' pages, and names pointed at 127.0.0.1 by DNS rebinding, are kept out of the console. */
class ConsoleOriginGuardTest {
    private static final String JSON = "application/json";
    private static final String BODY = "{\"text\":\"hi\"}";

    /** What reached a handler, as "path body": a refused request must leave nothing here. */
    private final List<String> handled = new CopyOnWriteArrayList<>();

    private HttpServer server;

    private final RouteModule routes = r -> {
        r.get("/api/console/ping", ctx -> ctx.json(Map.of("pong", true)));
        r.post("/api/console/messages", ctx -> {
            handled.add(ctx.path() + " " + ctx.body());
            ctx.status(202).json(Map.of("id", "m1"));
        });
        r.delete("/api/console/reactions", ctx -> {
            handled.add(ctx.path() + " " + ctx.body());
            ctx.status(202);
        });
        r.post("/slack/events", ctx -> {
            handled.add(ctx.path() + " " + ctx.body());
            ctx.result("ok");
        });
        r.post("/api/messages", ctx -> {
            handled.add(ctx.path() + " " + ctx.body());
            ctx.result("ok");
        });
        r.get("/healthz", ctx -> ctx.result("ok"));
    };

    private int start(ConsoleTokenGuard guard) {
        StartupGate gate = new StartupGate();
        gate.open();
        server = HttpServer.start(
                "127.0.0.1", 0, new ObjectMapper(), new SimpleMeterRegistry(), List.of(routes), guard, gate, true);
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static RawHttp.Response post(int port, Map<String, String> headers) {
        return RawHttp.send(port, "POST", "/api/console/messages", headers, BODY);
    }

    @Test
    void aPostFromAnotherSitesPageIsRefusedAs403AndNotHandled() {
        int port = start(ConsoleTokenGuard.open());

        RawHttp.Response response =
                post(port, Map.of("Host", "127.0.0.1:" + port, "Origin", "http://evil.example", "Content-Type", JSON));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("\"error\"").contains("cross-site").contains("http://evil.example");
        assertThat(handled).isEmpty();
    }

    @Test
    void aTextPlainPostIsRefusedAs415AndNotHandled() {
        int port = start(ConsoleTokenGuard.open());

        RawHttp.Response plain = post(port, Map.of("Host", "127.0.0.1:" + port, "Content-Type", "text/plain"));
        RawHttp.Response none = post(port, Map.of("Host", "127.0.0.1:" + port));

        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.body()).contains("\"error\"").contains("Content-Type: application/json");
        assertThat(none.status()).isEqualTo(415);
        assertThat(handled).isEmpty();
    }

    @Test
    void aJsonPostFromTheConsolesOwnPageIsAccepted() {
        int port = start(ConsoleTokenGuard.open());

        RawHttp.Response response = post(
                port,
                Map.of(
                        "Host",
                        "127.0.0.1:" + port,
                        "Origin",
                        "http://127.0.0.1:" + port,
                        "Content-Type",
                        "application/json; charset=UTF-8"));

        assertThat(response.status()).isEqualTo(202);
        assertThat(handled).containsExactly("/api/console/messages " + BODY);
    }

    @Test
    void aJsonPostWithoutOriginAsCurlSendsIsAccepted() {
        int port = start(ConsoleTokenGuard.open());

        RawHttp.Response response = post(port, Map.of("Host", "localhost:" + port, "Content-Type", JSON));

        assertThat(response.status()).isEqualTo(202);
        assertThat(handled).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:1", "http://localhost:{port}", "null", "not a url", "file:///x"})
    void anOriginThatIsNotExactlyThisHostAndPortIsRefused(String origin) {
        int port = start(ConsoleTokenGuard.open());

        RawHttp.Response response = post(
                port,
                Map.of(
                        "Host",
                        "127.0.0.1:" + port,
                        "Origin",
                        origin.replace("{port}", Integer.toString(port)),
                        "Content-Type",
                        JSON));

        assertThat(response.status()).isEqualTo(403);
        assertThat(handled).isEmpty();
    }

    @Test
    void aCrossSiteDeleteIsRefusedToo() {
        int port = start(ConsoleTokenGuard.open());

        RawHttp.Response response = RawHttp.send(
                port,
                "DELETE",
                "/api/console/reactions",
                Map.of("Host", "127.0.0.1:" + port, "Origin", "https://evil.example", "Content-Type", JSON),
                BODY);

        assertThat(response.status()).isEqualTo(403);
        assertThat(handled).isEmpty();
    }

    @Test
    void onLoopbackARequestAddressedToAnotherNameIsRefusedAsDnsRebinding() {
        int port = start(ConsoleTokenGuard.open());
        String evil = "evil.example:" + port;

        RawHttp.Response read = RawHttp.send(port, "GET", "/api/console/ping", Map.of("Host", evil), null);
        RawHttp.Response page = RawHttp.send(port, "GET", "/", Map.of("Host", evil), null);
        // after rebinding the browser counts the page as same-origin, so Origin and Host agree
        RawHttp.Response write = post(port, Map.of("Host", evil, "Origin", "http://" + evil, "Content-Type", JSON));

        assertThat(read.status()).isEqualTo(403);
        assertThat(read.body()).contains("\"error\"").contains("evil.example").contains("server.consoleToken");
        assertThat(page.status()).isEqualTo(403);
        assertThat(write.status()).isEqualTo(403);
        assertThat(handled).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:{port}", "localhost:{port}", "LocalHost:{port}", "[::1]:{port}", "127.0.0.1"})
    void onLoopbackLoopbackNamesAreAccepted(String host) {
        int port = start(ConsoleTokenGuard.open());

        RawHttp.Response response = RawHttp.send(
                port, "GET", "/api/console/ping", Map.of("Host", host.replace("{port}", Integer.toString(port))), null);

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void withATokenAnyHostIsAcceptedWhenTheTokenIsGiven() {
        int port = start(ConsoleTokenGuard.requiring("s3cret-token"));
        String proxied = "opsbot.example.com";

        RawHttp.Response withToken = RawHttp.send(
                port,
                "GET",
                "/api/console/ping",
                Map.of("Host", proxied, "Authorization", "Bearer s3cret-token"),
                null);
        RawHttp.Response withoutToken = RawHttp.send(port, "GET", "/api/console/ping", Map.of("Host", proxied), null);
        // TLS ends at the proxy: the page is https, the request opsbot sees names the host without a port
        RawHttp.Response fromItsPage = post(
                port,
                Map.of(
                        "Host",
                        proxied,
                        "Origin",
                        "https://" + proxied,
                        "Authorization",
                        "Bearer s3cret-token",
                        "Content-Type",
                        JSON));

        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withoutToken.status()).isEqualTo(401);
        assertThat(fromItsPage.status()).isEqualTo(202);
        assertThat(handled).hasSize(1);
    }

    @Test
    void withATokenAnotherSitesPageIsStillRefused() {
        int port = start(ConsoleTokenGuard.requiring("s3cret-token"));

        RawHttp.Response response = post(
                port,
                Map.of(
                        "Host",
                        "opsbot.example.com",
                        "Origin",
                        "https://evil.example",
                        "Authorization",
                        "Bearer s3cret-token",
                        "Content-Type",
                        JSON));

        assertThat(response.status()).isEqualTo(403);
        assertThat(handled).isEmpty();
    }

    @Test
    void webhooksAndHealthAreLeftAlone() {
        int port = start(ConsoleTokenGuard.open());
        Map<String, String> foreign =
                Map.of("Host", "opsbot.example.com", "Origin", "https://slack.com", "Content-Type", "text/plain");

        RawHttp.Response slack = RawHttp.send(port, "POST", "/slack/events", foreign, "payload");
        RawHttp.Response teams = RawHttp.send(port, "POST", "/api/messages", foreign, "activity");
        RawHttp.Response health = RawHttp.send(port, "GET", "/healthz", Map.of("Host", "10.0.0.7:" + port), null);

        assertThat(slack.status()).isEqualTo(200);
        assertThat(teams.status()).isEqualTo(200);
        assertThat(health.status()).isEqualTo(200);
        assertThat(handled).containsExactly("/slack/events payload", "/api/messages activity");
    }
}
