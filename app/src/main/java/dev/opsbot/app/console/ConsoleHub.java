package dev.opsbot.app.console;

import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams console changes to every open page as server-sent events. A page that went away is dropped on the next
 * send; a comment every 15 s keeps proxies from closing idle streams. Events reach the pages connected to this
 * replica (the console is a single-replica tool; Slack and Teams do their own fan-out).
 */
public final class ConsoleHub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsoleHub.class);

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("console-sse-keepalive").factory());

    public ConsoleHub() {
        keepAlive.scheduleAtFixedRate(() -> broadcastComment("keep-alive"), 15, 15, TimeUnit.SECONDS);
    }

    void connect(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendComment("connected");
    }

    /** Sends {@code data} (serialised as JSON) as an event named {@code event} to every open page. */
    void publish(String event, Object data) {
        for (SseClient client : clients) {
            try {
                if (client.terminated()) {
                    clients.remove(client);
                } else {
                    client.sendEvent(event, data);
                }
            } catch (RuntimeException gone) {
                clients.remove(client);
                log.debug("dropped a console event stream: {}", gone.toString());
            }
        }
    }

    int connected() {
        return clients.size();
    }

    private void broadcastComment(String comment) {
        for (SseClient client : clients) {
            try {
                client.sendComment(comment);
            } catch (RuntimeException gone) {
                clients.remove(client);
            }
        }
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
        for (SseClient client : clients) {
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // the page is gone already
            }
        }
        clients.clear();
    }
}
