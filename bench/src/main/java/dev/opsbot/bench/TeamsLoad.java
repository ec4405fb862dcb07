package dev.opsbot.bench;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.Drivers;
import dev.opsbot.bench.internal.EventLoad;
import dev.opsbot.bench.internal.EventLoadOptions;
import dev.opsbot.bench.internal.FakeConnectorJournal;
import dev.opsbot.bench.internal.FreePort;
import dev.opsbot.bench.internal.JsonPoster;
import dev.opsbot.teams.TeamsSettings;
import dev.opsbot.teams.testing.Activities;
import dev.opsbot.teams.testing.FakeConnector;
import dev.opsbot.teams.testing.TestBotConnector;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Microsoft Teams' {@code POST /api/messages} under an open-loop load: {@code message} activities mentioning the bot
 * ({@code <at>opsbot</at> help}, cheap to answer: the point is the activity path), each with its own activity id and
 * thread (the channel conversation {@code <channel>;messageid=<id>}), plus about 5 % sent again, as the Bot Connector
 * retries: the same activity, the same id. Every request carries {@code Authorization: Bearer <JWT>} signed by the
 * test key the OpenID metadata announces; the driver signs one token up front and sends it with every request, since
 * signing per request would measure the driver (opsbot still verifies each). The ack is HTTP 200, timed from each
 * request's scheduled send. Then, from the fake Bot Connector's journal and opsbot's event ledger: every acknowledged
 * activity answered exactly once in its thread and recorded once.
 *
 * <p>opsbot runs in this JVM on a fresh H2 file database with Teams on, configured by an {@code opsbot.yaml}
 * ({@code teams: appId, appPassword, openIdMetadataUrl, tokenUrl}); the Bot Connector (REST API and token endpoint,
 * teams-adapter's {@link FakeConnector}) and its OpenID metadata and keys ({@link TestBotConnector}) are in-process
 * WireMocks. {@link EventLoad} runs the load and the checks, as for SlackLoad.
 */
public final class TeamsLoad {
    private static final String USAGE = """
            usage: TeamsLoad [--rate 200] [--duration 30s] [--warmup 30s] [--retry-percent 5] [--p99-target-ms 50]
                             [--max-in-flight 256] [--http-threads 2] [--reply-deadline 120s] [--settle 2s] [--keep]
              --rate counts new activities; retries come on top (at 5 %: 210 requests/s).""";
    private static final EventLoad.Names NAMES = new EventLoad.Names(
            "TeamsLoad", TeamsSettings.PLATFORM, "activity", "activities", "replies posted", "replies posted");
    private static final String APP_PASSWORD = "bench-teams-app-password";
    private static final String TEXT = "help";

    private TeamsLoad() {}

    public static void main(String[] argv) {
        System.exit(Drivers.run(() -> run(argv)));
    }

    private static int run(String[] argv) throws Exception {
        Args args = Args.parse(argv, EventLoadOptions.OPTIONS, EventLoadOptions.FLAGS, USAGE);
        EventLoadOptions options = EventLoadOptions.from(args, 200, USAGE);

        return EventLoad.inDataDir(NAMES, options, dataDir -> {
            try (TestBotConnector keys = new TestBotConnector();
                    FakeConnector connector = new FakeConnector(TestBotConnector.APP_ID, APP_PASSWORD);
                    OpsbotApplication app = start(dataDir, keys, connector);
                    JsonPoster poster = new JsonPoster(
                            EventLoad.base(app), "/api/messages", options.httpThreads(), "teams-http-")) {
                System.out.println("  target: opsbot in this JVM at " + EventLoad.base(app) + "/api/messages, H2 file"
                        + " database in " + dataDir + "; Bot Connector: WireMock at " + connector.serviceUrl()
                        + ", its OpenID metadata and keys: WireMock at " + keys.openIdMetadataUrl() + "; one token,"
                        + " signed before the run");
                // valid for an hour: longer than --warmup and --duration at their longest
                String authorization = "Bearer " + keys.token(connector.serviceUrl());
                Teams teams = new Teams(
                        poster,
                        authorization,
                        connector.serviceUrl(),
                        new FakeConnectorJournal(connector),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        options.rate());
                return EventLoad.run(NAMES, options, app, teams);
            }
        });
    }

    /** Teams on, pointed at the fakes; Alice (who sends every activity) in the roster as a demo person. */
    private static OpsbotApplication start(Path dataDir, TestBotConnector keys, FakeConnector connector)
            throws IOException {
        connector.person(Activities.ALICE_ID, "Alice Chen", "alice@example.com", Activities.ALICE_AAD_ID);
        Path file = Files.writeString(
                dataDir.resolve("opsbot.yaml"),
                String.join(
                        "\n",
                        "teams:",
                        "  appId: \"" + TestBotConnector.APP_ID + "\"",
                        "  appPassword: \"" + APP_PASSWORD + "\"",
                        "  openIdMetadataUrl: \"" + keys.openIdMetadataUrl() + "\"",
                        "  tokenUrl: \"" + connector.tokenUrl() + "\"",
                        ""));
        Map<String, String> env = Map.of(
                "OPSBOT_PORT", String.valueOf(FreePort.pick()),
                "OPSBOT_DATA_DIR", dataDir.toString());
        OpsbotConfig config = ConfigLoader.load(file, env).withDemoPeopleUnlessMapped();
        return OpsbotApplication.start(config);
    }

    /**
     * Activity {@code n} has the id {@code start + n} (Teams' ids are epoch milliseconds) and roots its own thread in
     * {@link Activities#CHANNEL_ID}; its timestamp is when it was due, so a retry is the same activity.
     */
    private record Teams(
            JsonPoster poster,
            String authorization,
            String serviceUrl,
            FakeConnectorJournal journal,
            Instant start,
            int rate)
            implements EventLoad.Platform {
        @Override
        public CompletableFuture<HttpResponse<String>> send(int event, boolean retry) {
            String body = Activities.message(activityId(event), TEXT)
                    .mentioningBot()
                    .serviceUrl(serviceUrl)
                    .at(start.plusMillis(event * 1000L / rate))
                    .json();
            return poster.send(poster.request(body).header("Authorization", authorization));
        }

        @Override
        public String thread(int event) {
            return Activities.CHANNEL_ID + ";messageid=" + activityId(event);
        }

        /** TeamsEventIds' key: the channel, then the activity id (unique only within its conversation). */
        @Override
        public String eventId(int event) {
            return Activities.CHANNEL_ID + "/" + activityId(event);
        }

        @Override
        public Map<String, Integer> repliesByThread() {
            return journal.repliesByThread();
        }

        @Override
        public String callsReport() {
            return "  Bot Connector calls: " + journal.calls();
        }

        private String activityId(int event) {
            return Long.toString(start.toEpochMilli() + event);
        }
    }
}
