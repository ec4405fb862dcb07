package dev.opsbot.app.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.testing.ConsoleThreads;
import dev.opsbot.app.testing.Eventually;
import dev.opsbot.app.testing.HttpJson;
import dev.opsbot.app.testing.TestApps;
import dev.opsbot.app.triage.ScenarioTriage;
import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.scenario.Scenarios;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The learning loop of issue 8 in the demo, end to end in the web console: alice asks about the checkout incident,
 * bob approves the rollback, it verifies, the thread resolves and opsbot proposes what to remember; a new thread
 * asking "why is checkout restarting?" cites that memory; bob's :+1: on the citation counts; the shift handoff lists
 * the resolved thread and the new memory.
 */
class LearningLoopIT {
    private static OpsbotApplication app;
    private static ConsoleThreads console;

    @BeforeAll
    static void start() {
        OpsbotConfig base = TestApps.inMemory().withConsoleChannelFirst("inc-checkout");
        OpsbotConfig config = base.withMemory(base.memory().withDemoRunbooks());
        app = OpsbotApplication.start(config, Clock.systemUTC(), (OpsbotApplication.TriageStarter) guard ->
                ScenarioTriage.start(Scenarios.bundled(), config.triage(), Clock.systemUTC(), guard, "production"));
        console = new ConsoleThreads(new HttpJson(app.port()), "inc-checkout");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void whatOneThreadLearnedIsCitedInTheNext() {
        String incident = console.post("alice", "@opsbot why is checkout 5xx?");
        JsonNode proposal = console.await(incident, m -> hasBlock(m, "proposal"), "the proposal");
        console.react(proposal.get("id").asText(), "bob", "white_check_mark");
        console.await(incident, ConsoleThreads.text("Verified: "), "the verification");

        JsonNode proposed =
                console.await(incident, ConsoleThreads.text("I'll remember this for the team"), "the memory proposal");
        List<MemoryItem> kept = app.memory().list("console/inc-checkout", "checkout", 10);
        assertThat(kept).singleElement().satisfies(memory -> {
            assertThat(proposed.get("text").asText()).contains("`" + memory.id() + "`");
            assertThat(memory.text())
                    .contains("checkout (shop)", "(cause: oom)", "What fixed it: rollback Deployment shop/checkout");
            assertThat(memory.source().author()).isEqualTo("alice@example.com");
        });
        String memoryId = kept.getFirst().id();

        String later = console.post("bob", "@opsbot why is checkout restarting?");
        JsonNode cited = console.await(
                later, ConsoleThreads.text("From team memory (learned in #inc-checkout on "), "the citation");
        assertThat(cited.get("text").asText()).contains("by alice): checkout (shop)");

        console.react(cited.get("id").asText(), "bob", "+1");
        MemoryItem voted = Eventually.get(
                Duration.ofSeconds(20),
                () -> app.memory().list("console/inc-checkout", "checkout", 10).getFirst(),
                memory -> memory.upVotes() == 1);
        assertThat(voted.id()).isEqualTo(memoryId);
        assertThat(voted.uses()).isEqualTo(1);

        String handoff = console.post("alice", "@opsbot handoff");
        JsonNode summary = console.await(handoff, ConsoleThreads.text("why is checkout 5xx?"), "the handoff");
        assertThat(summary.get("text").asText()).contains("resolved").contains(memoryId);

        List<AuditEvent> events = app.stores().auditLog().since(Instant.EPOCH, 1000).stream()
                .map(AuditEntry::event)
                .toList();
        assertThat(events)
                .filteredOn(AuditEvent.MemoryChanged.class::isInstance)
                .extracting(e -> ((AuditEvent.MemoryChanged) e).change())
                .containsExactly("proposed");
    }

    private static boolean hasBlock(JsonNode message, String type) {
        JsonNode blocks = message.get("blocks");
        return blocks != null
                && blocks.isArray()
                && StreamSupport.stream(blocks.spliterator(), false)
                        .anyMatch(b -> type.equals(b.path("type").asText()));
    }
}
