package dev.opsbot.app.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.opsbot.app.testing.HttpJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.testing.Eventually;
import dev.opsbot.app.testing.HttpJson;
import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.db.Database;
import dev.opsbot.identity.testing.StsResponses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code opsbot serve} as wired from configuration, with STS and CloudWatch played by WireMock at their HTTP edge:
 * a question is read in the asker's own STS session (source identity, tags, their role), the session is recorded in
 * the audit log, and a role STS refuses becomes a sentence in the answer. opsbot's own keys sign only the
 * AssumeRole call.
 */
class ActingAsThePersonIT {
    private static final String ALICE_ROLE = "arn:aws:iam::111111111111:role/opsbot-read-oncall";
    private static final String BOB_ROLE = "arn:aws:iam::111111111111:role/opsbot-read-sre";
    private static final String BOT_KEY = "AKIAOPSBOTOWNKEY0001";
    private static final String SESSION_KEY = "ASIAALICESESSION0001";
    private static final String SESSION_TOKEN = "FwoGZXIvYXdzEAliceSessionToken0001==";
    private static final String GET_METRIC_DATA = "/service/GraniteServiceVersion20100801/operation/GetMetricData";
    private static final List<String> PROPERTIES = List.of(
            "aws.accessKeyId", "aws.secretAccessKey", "aws.region", "aws.endpointUrlSts", "aws.endpointUrlCloudWatch");

    private static final WireMockServer aws = new WireMockServer(options().dynamicPort());
    private static OpsbotApplication app;
    private static HttpJson http;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        aws.start();
        aws.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("opsbot-read-oncall"))
                .willReturn(StsResponses.issued(
                        SESSION_KEY,
                        "aliceSessionSecret",
                        SESSION_TOKEN,
                        Instant.now().plusSeconds(900))));
        aws.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("opsbot-read-sre"))
                .willReturn(StsResponses.accessDenied(BOB_ROLE)));
        aws.stubFor(post(urlEqualTo(GET_METRIC_DATA)).willReturn(noMetrics()));
        // the SDK's own settings, as AWS_ACCESS_KEY_ID, AWS_REGION, AWS_ENDPOINT_URL_STS, ... would give them
        System.setProperty("aws.accessKeyId", BOT_KEY);
        System.setProperty("aws.secretAccessKey", "opsbotOwnSecretKey");
        System.setProperty("aws.region", "eu-west-1");
        System.setProperty("aws.endpointUrlSts", aws.baseUrl());
        System.setProperty("aws.endpointUrlCloudWatch", aws.baseUrl());
        Path file = dir.resolve("opsbot.yaml");
        Files.writeString(file, """
                console:
                  enabled: true
                  channels: [inc-checkout]
                triage:
                  defaultNamespace: shop
                  sourceTimeout: 5s
                  budget: 10s
                identity:
                  contact: "#platform-access"
                  mappings:
                    - {group: shop-oncall, readRole: "%s", kubernetesGroups: [shop-oncall]}
                    - {group: sre-leads, readRole: "%s", approver: true}
                  people:
                    - {email: alice@example.com, name: Alice Chen, groups: [shop-oncall]}
                    - {email: bob@example.com, name: Bob Okafor, groups: [sre-leads]}
                sources:
                  cloudwatch:
                    enabled: true
                    region: eu-west-1
                    targetGroupDimension: targetgroup/$service/abc123
                """.formatted(ALICE_ROLE, BOB_ROLE));
        String database = Database.inMemoryH2Url("opsbot-" + UUID.randomUUID()) + ";DB_CLOSE_DELAY=-1";
        OpsbotConfig config = ConfigLoader.load(
                file, Map.of("OPSBOT_PORT", "0", "OPSBOT_DATABASE_URL", database, "OPSBOT_DATABASE_USER", "sa"));
        app = OpsbotApplication.start(config);
        http = new HttpJson(app.port());
    }

    @AfterAll
    static void stop() {
        try {
            app.close();
        } finally {
            aws.stop();
            PROPERTIES.forEach(System::clearProperty);
        }
    }

    @Test
    void aQuestionIsReadInTheAskersOwnStsSessionAndTheSessionIsAudited() {
        JsonNode answer = ask("alice");

        List<Map<String, String>> assumed = assumeRoleCalls("opsbot-read-oncall");
        assertThat(assumed).as("one session for the whole investigation").hasSize(1);
        Map<String, String> call = assumed.getFirst();
        assertThat(call)
                .containsEntry("RoleArn", ALICE_ROLE)
                .containsEntry("SourceIdentity", "alice@example.com")
                .containsEntry("DurationSeconds", "900");
        assertThat(call.get("RoleSessionName")).startsWith("opsbot-alice-");
        assertThat(StsResponses.tags(call))
                .containsEntry("opsbot:chat-user", "console:alice")
                .containsEntry("opsbot:channel", "inc-checkout")
                .containsKeys("opsbot:thread", "opsbot:request");

        List<LoggedRequest> reads = aws.findAll(postRequestedFor(urlEqualTo(GET_METRIC_DATA)));
        assertThat(reads).isNotEmpty().allSatisfy(read -> {
            assertThat(read.getHeader("X-Amz-Security-Token")).isEqualTo(SESSION_TOKEN);
            assertThat(read.getHeader("Authorization")).contains("Credential=" + SESSION_KEY + "/");
        });
        assertThat(answer.toString()).doesNotContain(SESSION_TOKEN).doesNotContain("aliceSessionSecret");

        List<AuditEvent.ElevationGranted> granted = audit(AuditEvent.ElevationGranted.class);
        assertThat(granted).anySatisfy(event -> {
            assertThat(event.actor()).isEqualTo("alice@example.com");
            assertThat(event.mode()).isEqualTo(AuditEvent.Mode.READ);
            assertThat(event.role()).isEqualTo(ALICE_ROLE);
            assertThat(event.sessionName()).isEqualTo(call.get("RoleSessionName"));
            assertThat(event.thread()).contains("inc-checkout");
        });
    }

    @Test
    void aRoleStsRefusesIsNamedInTheAnswerAndAuditedAndNothingIsReadWithOpsbotsOwnKeys() {
        JsonNode answer = ask("bob");

        assertThat(answer.toString()).contains("AWS refused to let opsbot assume opsbot-read-sre for bob@example.com");
        assertThat(audit(AuditEvent.ElevationRefused.class))
                .anySatisfy(event -> assertThat(event.actor()).isEqualTo("bob@example.com"));
        assertThat(aws.findAll(postRequestedFor(urlEqualTo(GET_METRIC_DATA))))
                .noneSatisfy(read -> assertThat(read.getHeader("Authorization")).contains(BOT_KEY));
    }

    /** Asks why checkout is 5xx as {@code user} and returns opsbot's answer (the message after the progress line). */
    private static JsonNode ask(String user) {
        HttpJson.Response posted = http.post(
                "/api/console/messages",
                json(Map.of("channel", "inc-checkout", "user", user, "text", "@opsbot why is checkout 5xx?")));
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        String thread = posted.json().get("thread").asText();
        JsonNode messages = Eventually.get(
                        java.time.Duration.ofSeconds(30),
                        () -> http.get("/api/console/threads/" + thread),
                        r -> r.status() == 200 && r.json().get("messages").size() >= 3)
                .json()
                .get("messages");
        return messages.get(2);
    }

    private static List<Map<String, String>> assumeRoleCalls(String role) {
        return aws.findAll(postRequestedFor(urlEqualTo("/"))).stream()
                .map(StsResponses::form)
                .filter(form -> "AssumeRole".equals(form.get("Action")))
                .filter(form -> form.get("RoleArn").endsWith(role))
                .toList();
    }

    private static <T extends AuditEvent> List<T> audit(Class<T> type) {
        return app.stores().auditLog().since(Instant.EPOCH, 1000).stream()
                .map(AuditEntry::event)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder noMetrics() {
        try {
            byte[] body = new ObjectMapper(new CBORFactory()).writeValueAsBytes(Map.of("MetricDataResults", List.of()));
            return aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/cbor")
                    .withHeader("smithy-protocol", "rpc-v2-cbor")
                    .withBody(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
