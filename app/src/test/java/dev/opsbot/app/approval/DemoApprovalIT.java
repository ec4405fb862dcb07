package dev.opsbot.app.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.testing.ConsoleThreads;
import dev.opsbot.app.testing.HttpJson;
import dev.opsbot.app.testing.TestApps;
import dev.opsbot.app.triage.ScenarioTriage;
import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.ChainCheck;
import dev.opsbot.scenario.Scenarios;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo, end to end in the web console on the bundled incident: alice asks and the answer's fix is posted
 * as a proposal; alice's own approval is refused (production, two-person rule), mallory's too (unmapped); bob's runs
 * the rollback against the scenario's cluster, as alice; the thread shows the verification; the audit log verifies.
 */
class DemoApprovalIT {
    private static OpsbotApplication app;
    private static HttpJson http;
    private static ConsoleThreads console;
    private static final AtomicReference<ScenarioTriage> scenario = new AtomicReference<>();

    @BeforeAll
    static void start() {
        OpsbotConfig config = TestApps.inMemory().withConsoleChannelFirst("inc-checkout");
        app = OpsbotApplication.start(config, Clock.systemUTC(), (OpsbotApplication.TriageStarter) guard -> {
            ScenarioTriage started =
                    ScenarioTriage.start(Scenarios.bundled(), config.triage(), Clock.systemUTC(), guard, "production");
            scenario.set(started);
            return started;
        });
        http = new HttpJson(app.port());
        console = new ConsoleThreads(http, "inc-checkout");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aliceAsksBobApprovesTheRollbackRunsAndIsVerified() {
        String thread = console.post("alice", "@opsbot why is checkout 5xx?");
        JsonNode proposal = console.await(thread, m -> blockOfType(m, "proposal") != null, "the proposal");
        JsonNode block = blockOfType(proposal, "proposal");
        assertThat(block.get("operation").asText()).isEqualTo("rollback Deployment shop/checkout to revision 41");
        assertThat(block.get("environment").asText()).isEqualTo("production");
        assertThat(block.get("requester").asText()).isEqualTo("Alice Chen");
        String proposalMessage = proposal.get("id").asText();

        console.react(proposalMessage, "alice", "white_check_mark");
        console.await(thread, ConsoleThreads.text("alice can't approve their own production change"), "alice refused");
        console.react(proposalMessage, "mallory", "white_check_mark");
        console.await(
                thread,
                ConsoleThreads.text("approval doesn't count: mallory@example.com is not mapped to any cloud identity"),
                "mallory refused");
        assertThat(state(block.get("proposalId").asText())).isEqualTo(ProposalState.PROPOSED);

        console.react(proposalMessage, "bob", "white_check_mark");

        console.await(
                thread,
                ConsoleThreads.text(
                        ":white_check_mark: bob approved. Running *rollback Deployment shop/checkout to revision"
                                + " 41* as alice@example.com"),
                "bob's approval");
        console.await(
                thread,
                ConsoleThreads.text("Done: Deployment shop/checkout rolled back to revision 41"),
                "the rollback");
        JsonNode verified = console.await(thread, ConsoleThreads.text("Verified: "), "the verification");
        assertThat(verified.get("text").asText()).contains("rollout complete").contains("5xx ratio");
        assertThat(state(block.get("proposalId").asText())).isEqualTo(ProposalState.DONE);
        assertThat(scenario.get().writes())
                .as("the rollback's patch went out as alice with her write groups, and nothing else was written")
                .singleElement()
                .satisfies(write -> {
                    assertThat(write.method()).isEqualTo("PATCH");
                    assertThat(write.path()).startsWith("/apis/apps/v1/namespaces/shop/deployments/checkout");
                    assertThat(write.user()).isEqualTo("alice@example.com");
                    assertThat(write.groups()).containsExactly("shop-deployers");
                });

        List<AuditEvent> events = app.stores().auditLog().since(Instant.EPOCH, 1000).stream()
                .map(AuditEntry::event)
                .toList();
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(AuditEvent.QuestionAsked.class));
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(AuditEvent.ProposalCreated.class));
        assertThat(events)
                .filteredOn(AuditEvent.ProposalDecided.class::isInstance)
                .extracting(e -> ((AuditEvent.ProposalDecided) e).decision())
                .contains("refused", "approved");
        assertThat(events)
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(AuditEvent.ElevationGranted.class, granted -> {
                    assertThat(granted.mode()).isEqualTo(AuditEvent.Mode.WRITE);
                    assertThat(granted.approver()).isEqualTo("bob@example.com");
                }));
        assertThat(events).anySatisfy(e -> assertThat(e)
                .isInstanceOfSatisfying(AuditEvent.ActionExecuted.class, executed -> assertThat(executed.state())
                        .isEqualTo("DONE")));
        assertThat(app.stores().auditLog().verify()).isInstanceOf(ChainCheck.Intact.class);
    }

    private static ProposalState state(String proposalId) {
        return app.stores().proposals().find(proposalId).orElseThrow().state();
    }

    private static JsonNode blockOfType(JsonNode message, String type) {
        JsonNode blocks = message.get("blocks");
        if (blocks == null || !blocks.isArray()) {
            return null;
        }
        return StreamSupport.stream(blocks.spliterator(), false)
                .filter(b -> type.equals(b.path("type").asText()))
                .findFirst()
                .orElse(null);
    }
}
