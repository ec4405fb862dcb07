package dev.opsbot.tools.kubernetes;

import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.SymptomKind;
import dev.opsbot.tools.kubernetes.internal.PodLogs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The incident the tests replay: shop/checkout at 02:45, looking back one hour. */
final class Shop {
    static final Instant NOW = Instant.parse("2026-03-10T02:45:00Z");
    static final Principal ALICE = new Principal("alice@example.com", "Alice", List.of("oncall", "shop-devs"));

    private Shop() {}

    static Investigation investigation(String service) {
        return new Investigation(
                "why is " + service + " 5xx?", "shop", service, SymptomKind.HTTP_5XX, NOW, Duration.ofHours(1));
    }

    /** A context whose clock stands still at the incident, like a scenario replay's. */
    static ToolContext context(Duration budget) {
        Clock frozen = Clock.fixed(NOW, ZoneOffset.UTC);
        return new ToolContext(ALICE, NOW.plus(budget), frozen);
    }

    static ToolContext context() {
        return context(Duration.ofSeconds(20));
    }

    static String logPath(String pod, boolean previous) {
        return PodLogs.path("shop", pod, "checkout", previous, LogSampler.TAIL_LINES, LogSampler.LIMIT_BYTES);
    }

    /** The log lines of the OOM scenario, as {@code kubectl logs --timestamps} prints them. */
    static void expectCheckoutLogs(MockCluster cluster) {
        String crashed = """
                2026-03-10T02:42:51.100000000Z 2026-03-10T02:42:51.090Z INFO  Started CheckoutApplication in 4.2 seconds
                2026-03-10T02:43:04.200000000Z 2026-03-10T02:43:04.190Z WARN  GC overhead: 94% of time in GC
                2026-03-10T02:43:04.900000000Z 2026-03-10T02:43:04.880Z ERROR Exception in thread "http-nio-8080-exec-7" java.lang.OutOfMemoryError: Java heap space
                """;
        String current = """
                2026-03-10T02:44:01.000000000Z 2026-03-10T02:44:00.990Z INFO  Starting CheckoutApplication
                2026-03-10T02:44:09.000000000Z 2026-03-10T02:44:08.990Z ERROR payment call failed: connection refused: payments.shop.svc:8080
                """;
        for (String pod :
                List.of("checkout-7d9f8b6c4d-abc12", "checkout-7d9f8b6c4d-def34", "checkout-7d9f8b6c4d-ghi56")) {
            cluster.server
                    .expect()
                    .get()
                    .withPath(logPath(pod, true))
                    .andReturn(200, crashed)
                    .always();
            cluster.server
                    .expect()
                    .get()
                    .withPath(logPath(pod, false))
                    .andReturn(200, current)
                    .always();
        }
    }
}
