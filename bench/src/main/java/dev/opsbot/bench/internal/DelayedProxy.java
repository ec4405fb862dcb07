package dev.opsbot.bench.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A slow upstream: a WireMock server on a loopback port whose single stub proxies every request to {@code upstream}
 * and holds each answer back by a fixed delay, recording when each request arrived and when its answer was sent
 * ({@link System#nanoTime()}), so that a driver can tell parallel requests from sequential ones.
 */
public final class DelayedProxy implements AutoCloseable {
    /** Threads serving requests: each delayed request holds one for the delay, so there are plenty. */
    private static final int CONTAINER_THREADS = 64;

    private final String name;
    private final WireMockServer server;
    private final Recorder recorder;

    private DelayedProxy(String name, WireMockServer server, Recorder recorder) {
        this.name = name;
        this.server = server;
        this.recorder = recorder;
    }

    /** Starts a proxy to {@code upstream} (scheme, host and port; its path is kept) adding {@code delayMillis}. */
    public static DelayedProxy start(String name, String upstream, int delayMillis) {
        Recorder recorder = new Recorder();
        WireMockServer server = new WireMockServer(options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(CONTAINER_THREADS)
                .extensions(recorder));
        server.start();
        String base = upstream.endsWith("/") ? upstream.substring(0, upstream.length() - 1) : upstream;
        server.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(base).withFixedDelay(delayMillis)));
        return new DelayedProxy(name, server, recorder);
    }

    public String name() {
        return name;
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** One request as the proxy saw it: arrival and answer-sent times in nanoTime, and what was asked. */
    public record Request(String method, String url, int status, long startNanos, long endNanos) {
        public double millis() {
            return (endNanos - startNanos) / 1e6;
        }
    }

    /** The requests completed since the last call, in arrival order; the log is cleared. */
    public List<Request> drain() {
        List<Request> out = new ArrayList<>();
        for (Request r; (r = recorder.done.poll()) != null; ) {
            out.add(r);
        }
        out.sort(Comparator.comparingLong(Request::startNanos));
        server.resetRequests();
        return out;
    }

    /**
     * How many requests had to happen one after another: the longest chain in which each request arrived after the
     * previous one was answered (for intervals, the largest set of pairwise non-overlapping ones; greedy by end time).
     */
    public static int sequentialRoundTrips(List<Request> requests) {
        List<Request> byEnd = requests.stream()
                .sorted(Comparator.comparingLong(Request::endNanos))
                .toList();
        int chain = 0;
        long free = Long.MIN_VALUE;
        for (Request r : byEnd) {
            if (chain == 0 || r.startNanos() >= free) {
                chain++;
                free = r.endNanos();
            }
        }
        return chain;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Timestamps every request at its arrival and after its answer was sent. */
    private static final class Recorder implements ServeEventListener {
        private final Map<UUID, Long> started = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Request> done = new ConcurrentLinkedQueue<>();

        @Override
        public void beforeMatch(ServeEvent event, Parameters parameters) {
            started.put(event.getId(), System.nanoTime());
        }

        @Override
        public void afterComplete(ServeEvent event, Parameters parameters) {
            long end = System.nanoTime();
            Long start = started.remove(event.getId());
            done.add(new Request(
                    event.getRequest().getMethod().getName(),
                    event.getRequest().getUrl(),
                    event.getResponse() == null ? -1 : event.getResponse().getStatus(),
                    start == null ? end : start,
                    end));
        }

        @Override
        public String getName() {
            return "bench-request-recorder";
        }
    }
}
