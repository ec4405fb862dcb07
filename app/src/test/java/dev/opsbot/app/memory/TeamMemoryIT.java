package dev.opsbot.app.memory;

import static dev.opsbot.app.testing.ConsoleThreads.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.testing.ConsoleThreads;
import dev.opsbot.app.testing.HttpJson;
import dev.opsbot.app.testing.TestApps;
import dev.opsbot.app.triage.ScenarioTriage;
import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.scenario.Scenarios;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Team memory in the web console of a running opsbot, with the real embedding model and database: remember (with a
 * secret in it), list, recall by meaning, forget; every change audited.
 */
class TeamMemoryIT {
    private static OpsbotApplication app;
    private static ConsoleThreads console;

    @BeforeAll
    static void start() {
        OpsbotConfig config = TestApps.inMemory().withConsoleChannelFirst("inc-checkout");
        app = OpsbotApplication.start(config, Clock.systemUTC(), (OpsbotApplication.TriageStarter) guard ->
                ScenarioTriage.start(Scenarios.bundled(), config.triage(), Clock.systemUTC(), guard, "production"));
        console = new ConsoleThreads(new HttpJson(app.port()), "inc-checkout");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aTeamRemembersListsRecallsAndForgets() {
        String thread = console.post(
                "alice",
                "@opsbot remember fix: for checkout: checkout is OOMKilled below 512Mi; rolling back to revision 41"
                        + " fixed it (DB_PASSWORD=hunter2-Xq9!prod in its env is not the cause)");
        JsonNode remembered = console.await(thread, text(":brain: Remembered `m-"), "the memory");
        Matcher id = Pattern.compile("`(m-[0-9a-f]+)`")
                .matcher(remembered.get("text").asText());
        assertThat(id.find()).isTrue();
        assertThat(remembered.get("text").asText())
                .contains("(fix, for checkout)")
                .contains("[[secret:")
                .doesNotContain("hunter2-Xq9!prod");

        String other = console.post("bob", "@opsbot remember payments warms its cache for two minutes after a deploy");
        console.await(other, text(":brain: Remembered"), "bob's memory");

        String listing = console.post("bob", "@opsbot memories");
        JsonNode listed = console.await(listing, text(":brain: Team memory (newest first):"), "the list");
        assertThat(listed.get("text").asText()).contains(id.group(1)).contains("payments warms its cache");

        var recalled = app.memory()
                .recall(
                        "why does the checkout pod keep getting killed for memory?",
                        new MemoryScope("console/inc-checkout", "checkout", "shop"),
                        3);
        assertThat(recalled).isNotEmpty();
        assertThat(recalled.getFirst().item().id()).isEqualTo(id.group(1));

        String forgetting = console.post("alice", "@opsbot forget " + id.group(1));
        console.await(forgetting, text(":wastebasket: Forgot `" + id.group(1) + "`"), "the forgetting");
        String again = console.post("alice", "@opsbot memories checkout");
        JsonNode none = console.await(again, text("team memory holds nothing about checkout"), "an empty list");
        assertThat(none).isNotNull();

        List<AuditEvent.MemoryChanged> changes = app.stores().auditLog().since(Instant.EPOCH, 1000).stream()
                .map(AuditEntry::event)
                .filter(AuditEvent.MemoryChanged.class::isInstance)
                .map(AuditEvent.MemoryChanged.class::cast)
                .toList();
        assertThat(changes)
                .extracting(AuditEvent.MemoryChanged::change)
                .containsExactly("learned", "learned", "forgotten");
        assertThat(changes).noneMatch(c -> c.text().contains("hunter2"));
    }
}
