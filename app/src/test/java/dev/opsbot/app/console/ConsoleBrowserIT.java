package dev.opsbot.app.console;

import static dev.opsbot.app.testing.HttpJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.testing.HttpJson;
import dev.opsbot.app.testing.TestApps;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web console end to end: a real opsbot (H2 in memory) on a free port, and a real headless Chromium using the
 * page the way a person does. What the page shows is cross-checked with the console HTTP API.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} ({@code bash .ci/install-chromium}): skipped
 * without them, failed without them when {@code CI=true}.
 */
@ExtendWith(BrowserInstalledCondition.class)
class ConsoleBrowserIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Path SCREENSHOT = Path.of("target", "console-e2e.png");
    private static final String CHANNEL = "incident-checkout";
    private static final String APPROVE = "white_check_mark";

    private static BrowserSession browser;
    private static OpsbotApplication app;
    private static HttpJson http;

    private BrowserConsolePage page;

    @BeforeAll
    static void start() {
        browser = BrowserSession.start(); // first: without a browser there is no point starting opsbot
        app = OpsbotApplication.start(TestApps.inMemory());
        http = new HttpJson(app.port());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (app != null) {
                stopWithin(app, STOP_TIMEOUT);
            }
        }
    }

    /**
     * A clean stop takes milliseconds; one that hangs (say, on an event stream a page had open) fails the test
     * instead of hanging the build. JUnit's {@code @Timeout} cannot do this for {@code @AfterAll}: it runs it on the
     * same thread and only measures afterwards.
     */
    private static void stopWithin(OpsbotApplication running, Duration timeout) throws InterruptedException {
        Thread stopping = Thread.ofPlatform().daemon().name("opsbot-stop").start(running::close);
        if (!stopping.join(timeout)) {
            throw new AssertionError("opsbot did not stop within " + timeout + " after the browser had connected; "
                    + "where it is now (opsbot's frames):\n  at "
                    + Arrays.stream(stopping.getStackTrace())
                            .filter(frame -> frame.getClassName().startsWith("dev.opsbot."))
                            .map(String::valueOf)
                            .collect(Collectors.joining("\n  at ")));
        }
    }

    @BeforeEach
    void openTheConsoleAsAlice() {
        page = new BrowserConsolePage(browser.driver(), TIMEOUT);
        page.open("http://127.0.0.1:" + app.port());
        page.actAs("alice");
        page.openChannel(CHANNEL);
        page.startNewThread();
    }

    @AfterEach
    void thePageRaisedNoScriptErrors() {
        assertThat(browser.consoleLog())
                .as("uncaught errors in the page's console")
                .noneMatch(line -> line.contains("Uncaught"));
    }

    @Test
    void helpIsAnsweredLiveAndEachPersonsReactionTogglesOnlyTheirOwn() {
        // given: alice on the console, which warns that it has no authentication
        assertThat(page.bannerText())
                .contains("Local console: no authentication. Anyone who can reach this port can post as any user.");
        assertThat(page.selectedUserLabel()).contains("Alice").contains("on-call engineer");
        assertThat(page.messageListAriaLive()).isEqualTo("polite");

        // when: she starts a thread with "help"
        page.send("help");
        String thread = page.awaitOpenThread();

        // then: her message and opsbot's answer appear in the thread without reloading the page
        page.awaitMessage("alice", text -> text.contains("help"), "alice's message");
        String reply =
                page.awaitMessage("opsbot", text -> text.contains("status"), "opsbot's answer mentioning status");
        assertThat(messageIds(thread)).contains(reply);

        // when: alice adds ✅ to opsbot's answer
        page.clickAddReaction(reply, APPROVE);

        // then: a chip with 1 appears, marked as hers, and the server recorded it as alice's
        page.awaitReaction(reply, APPROVE, 1, true);
        assertThat(reactionUsers(thread, reply, APPROVE)).containsExactly("alice");

        // when: bob reacts too, by clicking the chip
        page.actAs("bob");
        page.awaitReaction(reply, APPROVE, 1, false);
        page.clickReactionChip(reply, APPROVE);

        // then: the count is 2
        page.awaitReaction(reply, APPROVE, 2, true);
        assertThat(reactionUsers(thread, reply, APPROVE)).containsExactly("alice", "bob");

        // when: bob clicks it again, only his reaction goes
        page.clickReactionChip(reply, APPROVE);
        page.awaitReaction(reply, APPROVE, 1, false);
        assertThat(reactionUsers(thread, reply, APPROVE)).containsExactly("alice");
        browser.screenshot(SCREENSHOT);

        // and: what someone else asks in the open thread, and opsbot's answer, arrive by the event stream alone
        postAs("mallory", thread, "@opsbot status");
        page.awaitMessage("mallory", text -> text.contains("status"), "mallory's question, live");
        page.awaitMessageCount("opsbot", 2);
    }

    @Test
    void aMessageOverTheLimitShowsTheServersErrorAndKeepsTheText() {
        // given: a message one character over the console's 40,000
        String tooLong = "x".repeat(40_001);
        int threadsBefore = threadCount();

        // when: alice tries to send it
        page.paste(tooLong);

        // then: the page shows the server's 413 error and keeps what she wrote; no thread was started
        String error = page.awaitComposerError();
        assertThat(error).contains("40001").contains("limit").contains("413");
        assertThat(page.composerText()).hasSize(tooLong.length());
        assertThat(threadCount()).isEqualTo(threadsBefore);
    }

    private static void postAs(String user, String thread, String text) {
        HttpJson.Response response = http.post(
                "/api/console/messages",
                json(Map.of("channel", CHANNEL, "user", user, "text", text, "thread", thread)));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private static JsonNode threadMessages(String thread) {
        HttpJson.Response response = http.get("/api/console/threads/" + thread);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("messages");
    }

    private static List<String> messageIds(String thread) {
        List<String> ids = new ArrayList<>();
        threadMessages(thread).forEach(message -> ids.add(message.get("id").asText()));
        return ids;
    }

    /** Who has {@code reaction} on the message, as the console API reports it. */
    private static List<String> reactionUsers(String thread, String messageId, String reaction) {
        List<String> users = new ArrayList<>();
        for (JsonNode message : threadMessages(thread)) {
            if (!message.get("id").asText().equals(messageId)) {
                continue;
            }
            for (JsonNode chip : message.get("reactions")) {
                if (chip.get("name").asText().equals(reaction)) {
                    chip.get("users").forEach(user -> users.add(user.asText()));
                }
            }
        }
        return users;
    }

    private static int threadCount() {
        HttpJson.Response response = http.get("/api/console/channels/" + CHANNEL + "/threads");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("threads").size();
    }
}
