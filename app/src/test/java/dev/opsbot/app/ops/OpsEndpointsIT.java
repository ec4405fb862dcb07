package dev.opsbot.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.testing.Eventually;
import dev.opsbot.app.testing.HttpJson;
import dev.opsbot.app.testing.TestApps;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsEndpointsIT {

    @Test
    void healthReadinessAndMetricsAreServed() {
        try (OpsbotApplication app = OpsbotApplication.start(TestApps.inMemory())) {
            HttpJson http = new HttpJson(app.port());

            assertThat(http.get("/healthz").status()).isEqualTo(200);
            HttpJson.Response ready = http.get("/readyz");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("checks").get("database").asText()).isEqualTo("ok");

            http.post(
                    "/api/console/messages",
                    HttpJson.json(Map.of("channel", "general", "user", "alice", "text", "help")));
            String metrics = Eventually.get(
                    Duration.ofSeconds(10),
                    () -> http.get("/metrics").body(),
                    body -> body.contains("opsbot_events_handled_seconds_count"));
            assertThat(metrics).contains("opsbot_events_accepted_total{kind=\"mention\",platform=\"console\"} 1.0");
            assertThat(metrics).contains("opsbot_http_server_requests_seconds_count");
            assertThat(metrics).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void readinessFailsWhenTheDatabaseIsGone() {
        OpsbotApplication app = OpsbotApplication.start(TestApps.inMemory());
        try {
            HttpJson http = new HttpJson(app.port());
            app.database().close();

            HttpJson.Response ready = http.get("/readyz");

            assertThat(ready.status()).isEqualTo(503);
            assertThat(http.get("/healthz").status()).isEqualTo(200);
        } finally {
            app.close();
        }
    }

    @Test
    void unknownRoutesAnswerJson404() {
        try (OpsbotApplication app = OpsbotApplication.start(TestApps.inMemory())) {
            HttpJson.Response response = new HttpJson(app.port()).get("/api/nothing-here");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("error").asText()).contains("/api/nothing-here");
        }
    }
}
