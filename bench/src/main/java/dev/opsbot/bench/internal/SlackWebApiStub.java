package dev.opsbot.bench.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The Slack Web API as an in-process WireMock on 127.0.0.1: {@code auth.test} (bot {@code UBOT}), {@code users.info}
 * (every user is {@code alice@example.com}, one of the demo people), {@code chat.postMessage} with a new {@code ts}
 * per call (so opsbot never mistakes two replies for one message), {@code chat.update} and {@code reactions.add}.
 * Its request journal is what a load driver checks delivery against.
 */
public final class SlackWebApiStub implements AutoCloseable {
    public static final String BOT_USER = "UBOT";
    /** The one channel the driver's events come from; {@code chat.postMessage} answers with it. */
    public static final String CHANNEL = "CLOAD";

    private final WireMockServer server;

    private SlackWebApiStub(WireMockServer server) {
        this.server = server;
    }

    /** @param threads Jetty threads: enough that the stub never becomes the bottleneck at the driver's rate */
    public static SlackWebApiStub start(int threads) {
        WireMockServer server = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().containerThreads(threads));
        server.start();
        server.stubFor(post(urlPathEqualTo("/api/auth.test"))
                .willReturn(okJson(
                        "{\"ok\":true,\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"BBOT\",\"team_id\":\"T1\"}")));
        server.stubFor(post(urlPathEqualTo("/api/users.info"))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"UALICE\",\"name\":\"alice\",\"real_name\":\"Alice"
                        + " Chen\",\"profile\":{\"email\":\"alice@example.com\"}}}")));
        server.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        // 14 random digits: ~10^4 posts per run never collide (6 alone would, by the birthday bound)
                        .withBody("{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"17{{randomValue length=8"
                                + " type='NUMERIC'}}.{{randomValue length=6 type='NUMERIC'}}\"}")
                        .withTransformers("response-template")));
        server.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        server.stubFor(post(urlPathEqualTo("/api/reactions.add")).willReturn(okJson("{\"ok\":true}")));
        return new SlackWebApiStub(server);
    }

    /** What opsbot's {@code OPSBOT_SLACK_API_URL} should be. */
    public String apiUrl() {
        return server.baseUrl() + "/api/";
    }

    /** {@code chat.postMessage} calls so far, counted by {@code thread_ts} ({@code ""} for top-level posts). */
    public Map<String, Integer> repliesByThread() {
        Map<String, Integer> byThread = new HashMap<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")))) {
            byThread.merge(form(request.getBodyAsString()).getOrDefault("thread_ts", ""), 1, Integer::sum);
        }
        return byThread;
    }

    /** Calls of one Web API method so far, e.g. {@code users.info}. */
    public int calls(String method) {
        return server.countRequestsMatching(
                        postRequestedFor(urlPathEqualTo("/api/" + method)).build())
                .getCount();
    }

    /** Requests no stub matched (a method opsbot called that the stub does not know). */
    public int unmatched() {
        return server.findAllUnmatchedRequests().size();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop();
    }
}
