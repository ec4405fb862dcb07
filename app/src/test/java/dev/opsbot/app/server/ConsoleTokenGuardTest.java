package dev.opsbot.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.app.testing.RawHttp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console token as a browser carries it: once in the address, then in a cookie no script or other site sees. */
class ConsoleTokenGuardTest {
    private static final String TOKEN = "s3cret-token";

    private HttpServer server;
    private int port;

    @BeforeEach
    void start() {
        StartupGate gate = new StartupGate();
        gate.open();
        RouteModule ping = routes -> routes.get("/api/console/ping", ctx -> ctx.json(Map.of("pong", true)));
        server = HttpServer.start(
                "127.0.0.1",
                0,
                new ObjectMapper(),
                new SimpleMeterRegistry(),
                List.of(ping),
                ConsoleTokenGuard.requiring(TOKEN),
                gate,
                true);
        port = server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawHttp.Response get(String path, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Host", "127.0.0.1:" + port);
        return RawHttp.send(port, "GET", path, all, null);
    }

    private static String cookie(RawHttp.Response response) {
        List<String> cookies = response.header("Set-Cookie");
        assertThat(cookies).hasSize(1);
        return cookies.getFirst();
    }

    @Test
    void aTokenInTheAddressIsRedirectedAwayKeepingTheRestOfTheQuery() {
        RawHttp.Response page = get("/?token=" + TOKEN, Map.of());
        RawHttp.Response api = get("/api/console/ping?x=1&token=" + TOKEN + "&y=2", Map.of());

        assertThat(page.status()).isEqualTo(303);
        assertThat(page.header("Location")).containsExactly("/");
        assertThat(api.status()).isEqualTo(303);
        assertThat(api.header("Location")).containsExactly("/api/console/ping?x=1&y=2");
        assertThat(api.body()).doesNotContain("pong");
    }

    @Test
    void theCookieIsHttpOnlySameSiteStrictForTheWholeSiteAndNotSecureOverPlainHttp() {
        String cookie = cookie(get("/?token=" + TOKEN, Map.of()));

        assertThat(cookie).startsWith(ConsoleTokenGuard.COOKIE + "=" + TOKEN);
        assertThat(attributes(cookie))
                .contains("httponly", "samesite=strict", "path=/")
                .doesNotContain("secure");
    }

    @Test
    void theCookieIsSecureWhenTheBrowserCameOverHttpsThroughAProxy() {
        String cookie = cookie(get("/?token=" + TOKEN, Map.of("X-Forwarded-Proto", "https")));

        assertThat(attributes(cookie)).contains("secure", "httponly", "samesite=strict", "path=/");
    }

    @Test
    void theCookieFromTheRedirectOpensTheApi() {
        RawHttp.Response redirect = get("/api/console/ping?token=" + TOKEN, Map.of());
        String pair = cookie(redirect).split(";", 2)[0];

        RawHttp.Response followed = get(redirect.header("Location").getFirst(), Map.of("Cookie", pair));

        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.body()).contains("pong");
    }

    @Test
    void aWrongTokenInTheAddressIsRefusedAndSetsNoCookie() {
        RawHttp.Response response = get("/?token=wrong", Map.of());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Set-Cookie")).isEmpty();
        assertThat(response.body()).doesNotContain(TOKEN);
    }

    @Test
    void thePageLoadsWithoutTheTokenButItsApiDoesNot() {
        RawHttp.Response page = get("/", Map.of());
        RawHttp.Response api = get("/api/console/ping", Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("<html");
        assertThat(api.status()).isEqualTo(401);
    }

    @Test
    void theBearerHeaderStillOpensTheApi() {
        RawHttp.Response response = get("/api/console/ping", Map.of("Authorization", "Bearer " + TOKEN));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Set-Cookie")).isEmpty();
    }

    private static List<String> attributes(String cookie) {
        return java.util.Arrays.stream(cookie.split(";"))
                .skip(1)
                .map(attribute -> attribute.trim().toLowerCase(java.util.Locale.ROOT))
                .toList();
    }
}
