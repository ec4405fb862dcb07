package dev.opsbot.bench.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch metrics as a WireMock server on a loopback port: {@code GetMetricData} in Smithy RPC v2 CBOR (what the
 * SDK's CloudWatch client speaks), always answering one series of 60 one-minute samples under the expression id
 * {@code e1}, the id {@code MetricQueries} gives a signal's expression. Its request journal keeps each request's
 * headers, so a driver can check which credentials signed it.
 */
public final class CloudWatchStubServer implements AutoCloseable {
    public static final String GET_METRIC_DATA = "/service/GraniteServiceVersion20100801/operation/GetMetricData";

    private final WireMockServer server;

    private CloudWatchStubServer(WireMockServer server) {
        this.server = server;
    }

    /**
     * @param containerThreads the server's request threads: as many as calls arrive at once, so the server does not
     *     queue them
     * @param label the label of the one series answered (the signal's json name)
     */
    public static CloudWatchStubServer start(int containerThreads, String label) {
        WireMockServer server = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").containerThreads(containerThreads));
        server.start();
        long now = Instant.now().getEpochSecond() / 60 * 60;
        List<Long> timestamps = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 59; i >= 0; i--) {
            timestamps.add(now - i * 60L);
            values.add(0.4 + (59 - i) * 0.01);
        }
        Map<String, Object> body = Map.of(
                "MetricDataResults",
                List.of(Map.of(
                        "Id", "e1",
                        "Label", label,
                        "Timestamps", timestamps,
                        "Values", values,
                        "StatusCode", "Complete")));
        byte[] cbor;
        try {
            cbor = new ObjectMapper(new CBORFactory()).writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.stubFor(post(urlEqualTo(GET_METRIC_DATA))
                .withHeader("smithy-protocol", equalTo("rpc-v2-cbor"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/cbor")
                        .withHeader("smithy-protocol", "rpc-v2-cbor")
                        .withBody(cbor)));
        return new CloudWatchStubServer(server);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The GetMetricData requests since the last {@link #resetJournal}. */
    public List<LoggedRequest> getMetricDataCalls() {
        return server.findAll(postRequestedFor(urlEqualTo(GET_METRIC_DATA)));
    }

    /** Every request since the last {@link #resetJournal}, matched or not. */
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
