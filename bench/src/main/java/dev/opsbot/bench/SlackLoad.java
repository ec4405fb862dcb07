package dev.opsbot.bench;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.bench.internal.Args;
import dev.opsbot.bench.internal.Drivers;
import dev.opsbot.bench.internal.EventLoad;
import dev.opsbot.bench.internal.EventLoadOptions;
import dev.opsbot.bench.internal.FreePort;
import dev.opsbot.bench.internal.SignedEventSender;
import dev.opsbot.bench.internal.SlackWebApiStub;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Slack's HTTP Events API under an open-loop load: signed {@code app_mention} events ({@code <@UBOT> help}, cheap
 * to answer: the point is the event path) at {@code POST /slack/events}, each with its own {@code event_id} and
 * thread, plus about 5 % sent again as Slack's retries ({@code X-Slack-Retry-Num: 1}, same {@code event_id}). The
 * ack (the HTTP answer) is timed from each request's scheduled send. Then, from the stubbed Slack Web API's journal
 * and opsbot's event ledger: every acknowledged event answered exactly once in its thread and recorded once.
 *
 * <p>opsbot runs in this JVM on a fresh H2 file database; the Slack Web API is an in-process WireMock. Like the
 * triage drivers it ends with a {@code RESULT} line saying whether the p99 target was met and exits 0 either way;
 * 1 only when an event was lost or handled twice (or the run broke). The measured 30 s follow a warm-up at the same
 * rate, 30 s unless {@code --warmup} says otherwise. {@link EventLoad} runs the load and the checks.
 */
public final class SlackLoad {
    private static final String USAGE = """
            usage: SlackLoad [--rate 300] [--duration 30s] [--warmup 30s] [--retry-percent 5] [--p99-target-ms 50]
                             [--max-in-flight 256] [--http-threads 2] [--stub-threads 50] [--reply-deadline 120s]
                             [--settle 2s] [--keep]
              --rate counts new events; retries come on top (at 5 %: 315 requests/s).""";
    private static final EventLoad.Names NAMES =
            new EventLoad.Names("SlackLoad", "slack", "event", "events", "chat.postMessage", "chat.postMessage calls");
    private static final String SECRET = "bench-signing-secret";
    private static final String USER = "UALICE";
    private static final String TEXT = "help";

    private SlackLoad() {}

    public static void main(String[] argv) {
        System.exit(Drivers.run(() -> run(argv)));
    }

    private static int run(String[] argv) throws Exception {
        Args args = Args.parse(argv, EventLoadOptions.optionsAnd("stub-threads"), EventLoadOptions.FLAGS, USAGE);
        EventLoadOptions options = EventLoadOptions.from(args, 300, USAGE);
        int stubThreads = args.integer("stub-threads", 50, 4, 500);

        return EventLoad.inDataDir(NAMES, options, dataDir -> {
            long tsBase = System.currentTimeMillis() / 1000;
            String idPrefix = "EvLoad" + Long.toString(tsBase, 36) + "-";
            try (SlackWebApiStub slack = SlackWebApiStub.start(stubThreads);
                    OpsbotApplication app = start(dataDir, slack);
                    SignedEventSender sender =
                            new SignedEventSender(EventLoad.base(app), SECRET, options.httpThreads())) {
                System.out.println("  target: opsbot in this JVM at " + EventLoad.base(app)
                        + "/slack/events, H2 file database"
                        + " in " + dataDir + "; Slack Web API: WireMock at " + slack.apiUrl() + " (" + stubThreads
                        + " threads)");
                return EventLoad.run(NAMES, options, app, new Slack(sender, slack, idPrefix, tsBase));
            }
        });
    }

    private static OpsbotApplication start(Path dataDir, SlackWebApiStub slack) {
        Map<String, String> env = new HashMap<>();
        env.put("OPSBOT_PORT", String.valueOf(FreePort.pick()));
        env.put("OPSBOT_DATA_DIR", dataDir.toString());
        env.put("SLACK_BOT_TOKEN", "xoxb-bench-token");
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("OPSBOT_SLACK_API_URL", slack.apiUrl());
        OpsbotConfig config = ConfigLoader.load(null, env).withDemoPeopleUnlessMapped();
        return OpsbotApplication.start(config);
    }

    /** Events {@code idPrefix + n}, each in its own thread {@code ts}; replies from the stub's journal. */
    private record Slack(SignedEventSender sender, SlackWebApiStub slack, String idPrefix, long tsBase)
            implements EventLoad.Platform {
        @Override
        public CompletableFuture<HttpResponse<String>> send(int event, boolean retry) {
            String body = SignedEventSender.mention(
                    eventId(event), SlackWebApiStub.CHANNEL, USER, SlackWebApiStub.BOT_USER, TEXT, thread(event));
            return sender.send(body, retry ? 1 : 0);
        }

        /** Each event's own thread: a Slack ts, unique per event number. */
        @Override
        public String thread(int event) {
            return String.format(Locale.ROOT, "%d.%06d", tsBase + event / 1_000_000, event % 1_000_000);
        }

        @Override
        public String eventId(int event) {
            return idPrefix + event;
        }

        @Override
        public Map<String, Integer> repliesByThread() {
            return slack.repliesByThread();
        }

        @Override
        public String callsReport() {
            return String.format(
                    Locale.ROOT,
                    "  Web API calls: users.info %d, reactions.add %d, chat.update %d, auth.test %d; unmatched %d",
                    slack.calls("users.info"),
                    slack.calls("reactions.add"),
                    slack.calls("chat.update"),
                    slack.calls("auth.test"),
                    slack.unmatched());
        }
    }
}
