package dev.opsbot.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScenarioServerLifecycleTest {

    @Test
    void closeStopsEveryThreadAndPortItStarted() throws Exception {
        Scenario scenario = TestScenarios.mini();
        warmUp(scenario);
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        ScenarioServer server = ScenarioServer.start(scenario);
        server.kubernetesClient().pods().inNamespace("shop").list();
        List<Integer> ports = List.of(port(server.kubernetesUrl()), port(server.argocdUrl()));
        assertThat(ports).allSatisfy(port -> assertThat(accepts(port)).isTrue());
        assertThat(nonDaemonThreadsStartedSince(before)).isNotEmpty();

        server.close();

        assertThat(ports)
                .allSatisfy(port -> assertThat(accepts(port)).as("port " + port).isFalse());
        awaitNoThreadsStartedSince(before, Duration.ofSeconds(10));
    }

    @Test
    void closingTwiceIsHarmless() {
        ScenarioServer server = ScenarioServer.start(TestScenarios.mini());
        server.close();
        server.close();
    }

    private static void warmUp(Scenario scenario) {
        // JDK and library threads that live for the whole JVM (the HTTP client's selector, Netty's global
        // executors) start on first use; they are not the server's to stop.
        try (ScenarioServer server = ScenarioServer.start(scenario)) {
            server.kubernetesClient().pods().inNamespace("shop").list();
        }
    }

    private static void awaitNoThreadsStartedSince(Set<Thread> before, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Set<String> left = nonDaemonThreadsStartedSince(before);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = nonDaemonThreadsStartedSince(before);
        }
        assertThat(left).as("non-daemon threads still running after close()").isEmpty();
    }

    private static Set<String> nonDaemonThreadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive() && !thread.isDaemon())
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }

    private static int port(String url) {
        return URI.create(url).getPort();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
