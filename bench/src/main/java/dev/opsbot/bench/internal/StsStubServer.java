package dev.opsbot.bench.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.identity.sts.StsClients;
import dev.opsbot.identity.testing.StsResponses;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * AWS STS as a WireMock server on a loopback port: {@code AssumeRole} over the Query protocol ({@code POST /} with a
 * form body, an XML answer, as the SDK sends and reads it; the same answer as identity's own {@code StsStub}),
 * answered after a fixed delay with the session set by {@link #issue}. The request journal is how a driver counts
 * STS calls.
 */
public final class StsStubServer implements AutoCloseable {
    /** opsbot's own identity, which signs the AssumeRole calls. */
    public static final StaticCredentialsProvider OPSBOT = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAOPSBOTBENCHEXAMPLE", "opsbotBenchOwnSecretKeyNotAReal0001"));

    public static final String SECRET_KEY = "benchSecret/K7MDENG+bPxRfiCYzEXAMPLEKEY0001";

    private final WireMockServer server;
    private final int delayMillis;

    private StsStubServer(WireMockServer server, int delayMillis) {
        this.server = server;
        this.delayMillis = delayMillis;
    }

    /** Starts the server; it answers nothing until {@link #issue} is called. */
    public static StsStubServer start(int delayMillis) {
        WireMockServer server = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").containerThreads(32));
        server.start();
        return new StsStubServer(server, delayMillis);
    }

    /** From now on every AssumeRole is answered, after the delay, with this session. */
    public void issue(String accessKeyId, String sessionToken, Instant expiration) {
        server.resetMappings();
        server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=AssumeRole"))
                .willReturn(StsResponses.issued(accessKeyId, SECRET_KEY, sessionToken, expiration)
                        .withFixedDelay(delayMillis)));
    }

    /** The production client ({@link StsClients#create}: its timeouts and retries) pointed at this server. */
    public StsClient client() {
        return StsClients.create(Region.US_EAST_1, URI.create(url()), OPSBOT);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The AssumeRole calls since the last {@link #resetJournal}, as the server logged them. */
    public List<LoggedRequest> assumeRoleCalls() {
        return server.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole")));
    }

    /** Every request since the last {@link #resetJournal}, AssumeRole or not. */
    public int requests() {
        return server.getAllServeEvents().size();
    }

    public void resetJournal() {
        server.resetRequests();
    }

    @Override
    public void close() {
        server.stop();
    }
}
