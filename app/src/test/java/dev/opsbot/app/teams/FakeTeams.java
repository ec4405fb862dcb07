package dev.opsbot.app.teams;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.triage.ScenarioTriage;
import dev.opsbot.db.Database;
import dev.opsbot.scenario.Scenarios;
import dev.opsbot.teams.testing.Activities;
import dev.opsbot.teams.testing.FakeConnector;
import dev.opsbot.teams.testing.TestBotConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Teams at its HTTP edge for opsbot's integration tests: a Bot Connector (WireMock: the REST API opsbot posts to, its
 * token endpoint, the roster with alice, bob and mallory) and the Bot Connector's signing keys (WireMock: OpenID
 * metadata and JWKS); opsbot started on the bundled incident with Teams on; activities sent to its
 * {@code POST /api/messages} with a token signed by the test key.
 */
final class FakeTeams implements AutoCloseable {
    static final Map<String, String> IDS = Map.of("alice", "29:1alice", "bob", "29:1bob", "mallory", "29:1mallory");
    private static final Map<String, String> NAMES =
            Map.of("alice", "Alice Chen", "bob", "Bob Okafor", "mallory", "Mallory");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final TestBotConnector keys = new TestBotConnector();
    final FakeConnector connector = new FakeConnector(TestBotConnector.APP_ID, "it-teams-secret");
    final OpsbotApplication app;
    private final String token;
    private volatile ScenarioTriage scenario;

    FakeTeams() {
        IDS.forEach((person, id) -> connector.person(id, NAMES.get(person), person + "@example.com", "aad-" + person));
        token = keys.token(connector.serviceUrl());
        String database = Database.inMemoryH2Url("opsbot-" + UUID.randomUUID()) + ";DB_CLOSE_DELAY=-1";
        OpsbotConfig config = ConfigLoader.load(
                        configFile(),
                        Map.of(
                                "OPSBOT_PORT",
                                "0",
                                "OPSBOT_DATABASE_URL",
                                database,
                                "OPSBOT_DATABASE_USER",
                                "sa",
                                "MICROSOFT_APP_ID",
                                TestBotConnector.APP_ID,
                                "MICROSOFT_APP_PASSWORD",
                                "it-teams-secret"))
                .withDemoPeopleUnlessMapped();
        app = OpsbotApplication.start(config, Clock.systemUTC(), (OpsbotApplication.TriageStarter) guard -> {
            scenario =
                    ScenarioTriage.start(Scenarios.bundled(), config.triage(), Clock.systemUTC(), guard, "production");
            return scenario;
        });
    }

    /** The incident as it started: a test before may have rolled it back, and then nothing is proposed any more. */
    void replayIncident() {
        scenario.replay();
    }

    private Path configFile() {
        try {
            Path file = Files.createTempFile("opsbot-teams-", ".yaml");
            Files.writeString(
                    file,
                    "teams:\n  openIdMetadataUrl: " + keys.openIdMetadataUrl() + "\n  tokenUrl: " + connector.tokenUrl()
                            + "\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An activity as {@code person} sends it through Teams, to the connector's service URL. */
    Activities.Builder as(String person, Activities.Builder activity) {
        return activity.from(IDS.get(person), NAMES.get(person), "aad-" + person)
                .serviceUrl(connector.serviceUrl());
    }

    HttpResponse<String> send(String activity) {
        return send(activity, "Bearer " + token);
    }

    HttpResponse<String> send(String activity, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(activity))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("could not reach /api/messages", e);
        }
    }

    @Override
    public void close() {
        app.close();
        connector.close();
        keys.close();
    }
}
