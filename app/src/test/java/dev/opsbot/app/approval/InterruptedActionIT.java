package dev.opsbot.app.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.app.testing.Eventually;
import dev.opsbot.app.testing.HttpJson;
import dev.opsbot.app.testing.TestApps;
import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.approval.ProposalStore;
import dev.opsbot.core.approval.ProposedAction;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.tool.Risk;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A replica that stops while running an approved action cannot know whether it happened: after the restart the
 * proposal is UNKNOWN, the thread says so, and nothing runs it again.
 */
class InterruptedActionIT {
    @Test
    void anActionRunningWhenTheReplicaStoppedIsMarkedUnknownInItsThreadAfterTheRestart() {
        OpsbotConfig config = TestApps.inMemory();
        ThreadRef thread = new ThreadRef("console", "general", "t-interrupted");
        String replica;
        try (OpsbotApplication before = OpsbotApplication.start(config, Clock.systemUTC())) {
            replica = before.replica();
            ProposalStore proposals = before.stores().proposals();
            Instant now = Instant.now();
            proposals.create(new Proposal(
                    "p-interrupted",
                    thread,
                    null,
                    new ProposedAction(
                            "kubernetes.rollback",
                            "Deployment/shop/checkout",
                            Map.of("toRevision", 41),
                            "rollback Deployment shop/checkout to revision 41",
                            Risk.WRITE),
                    "production",
                    "alice@example.com",
                    "alice",
                    "triage: oom",
                    now,
                    now.plus(Duration.ofMinutes(15)),
                    1,
                    ProposalState.PROPOSED,
                    null,
                    null));
            proposals.transition("p-interrupted", ProposalState.PROPOSED, ProposalState.APPROVED, null, null, now);
            // what the replica had claimed when it "crashed"
            proposals.transition("p-interrupted", ProposalState.APPROVED, ProposalState.EXECUTING, replica, null, now);
        }

        try (OpsbotApplication after = OpsbotApplication.start(config, Clock.systemUTC())) {
            assertThat(after.replica()).isEqualTo(replica);
            HttpJson http = new HttpJson(after.port());

            String said = Eventually.get(
                            Duration.ofSeconds(20),
                            () -> http.get("/api/console/threads/t-interrupted"),
                            r -> r.status() == 200 && r.body().contains("I was restarted while running"))
                    .body();

            assertThat(said)
                    .contains("I was restarted while running *rollback Deployment shop/checkout to revision 41*")
                    .contains("I will not run it again");
            assertThat(after.stores()
                            .proposals()
                            .find("p-interrupted")
                            .orElseThrow()
                            .state())
                    .isEqualTo(ProposalState.UNKNOWN);
        }
    }
}
