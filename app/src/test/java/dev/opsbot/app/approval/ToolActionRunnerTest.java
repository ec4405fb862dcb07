package dev.opsbot.app.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.approval.ActionOutcome;
import dev.opsbot.core.policy.ApprovedAction;
import dev.opsbot.core.policy.PolicyDecision;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.policy.PolicyViolation;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.tools.actions.ScaleTool;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolActionRunnerTest {
    private static ToolActionRunner runner(RecordingTool... tools) {
        return new ToolActionRunner(List.of(tools), Duration.ofSeconds(5), Clock.systemUTC());
    }

    @Test
    void theToolRunsInsideAnApprovalCoveringExactlyTheRequestsItDeclares() {
        RecordingTool rollback = RecordingTool.succeeding("kubernetes.rollback");

        ActionOutcome outcome = runner(rollback).run(Proposals.rollbackCheckoutTo(41), Proposals.SESSION);

        assertThat(outcome).isEqualTo(ActionOutcome.done("did it"));
        assertThat(rollback.approvalSeen).isNotNull();
        assertThat(rollback.approvalSeen.proposalId()).isEqualTo("p-42");
        assertThat(rollback.approvalSeen.allowed())
                .isEqualTo(rollback.requests(rollback.argumentsSeen, "production", "alice@example.com"))
                .extracting(PolicyRequest::describe)
                .containsExactly(
                        "get deployments shop/checkout (kubernetes, production)",
                        "patch deployments shop/checkout (kubernetes, production)");
        assertThat(ApprovedAction.current())
                .as("nothing stays bound on the caller's thread")
                .isEmpty();
    }

    @Test
    void theToolActsAsTheWritePrincipalWithTheProposalsArguments() {
        RecordingTool rollback = RecordingTool.succeeding("kubernetes.rollback");

        runner(rollback).run(Proposals.rollbackCheckoutTo(41), Proposals.SESSION);

        assertThat(rollback.contextSeen.actor()).isEqualTo(Proposals.ALICE_WRITER);
        assertThat(rollback.argumentsSeen.toString())
                .isEqualTo("{\"namespace\":\"shop\",\"name\":\"checkout\",\"toRevision\":41}");
        assertThat(rollback.contextSeen.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anUnknownActionIsRefusedAndNothingRuns() {
        RecordingTool rollback = RecordingTool.succeeding("kubernetes.rollback");

        ActionOutcome outcome = runner(rollback)
                .run(
                        Proposals.of("kubernetes.delete_namespace", "Namespace/shop", Map.of(), Risk.DESTRUCTIVE),
                        Proposals.SESSION);

        assertThat(outcome)
                .isEqualTo(
                        ActionOutcome.failed(
                                "opsbot has no action kubernetes.delete_namespace (it has kubernetes.rollback): nothing was run"));
        assertThat(rollback.calls).isZero();
    }

    @Test
    void aProposalWithInvalidParametersIsRefusedBeforeAnyRequest() {
        // a cluster nobody listens on: had the tool made a request, the outcome would say the cluster is unavailable
        var nowhere = new ConfigBuilder().withMasterUrl("http://127.0.0.1:1").build();
        try (KubernetesAccess access = new KubernetesAccess(nowhere, false)) {
            ToolActionRunner runner =
                    new ToolActionRunner(List.of(new ScaleTool(access, 10)), Duration.ofSeconds(5), Clock.systemUTC());

            ActionOutcome words = runner.run(
                    Proposals.of(
                            "kubernetes.scale", "Deployment/shop/checkout", Map.of("replicas", "many"), Risk.WRITE),
                    Proposals.SESSION);
            ActionOutcome tooMany = runner.run(
                    Proposals.of("kubernetes.scale", "Deployment/shop/checkout", Map.of("replicas", 500), Risk.WRITE),
                    Proposals.SESSION);
            ActionOutcome misspelt = runner.run(
                    Proposals.of("kubernetes.scale", "Deployment/shop/checkout", Map.of("replica", 5), Risk.WRITE),
                    Proposals.SESSION);
            ActionOutcome wrongKind = runner.run(
                    Proposals.of("kubernetes.scale", "StatefulSet/shop/db", Map.of("replicas", 5), Risk.WRITE),
                    Proposals.SESSION);

            assertThat(words.summary())
                    .isEqualTo("refused before acting: argument 'replicas' must be an integer; nothing was run");
            assertThat(tooMany.summary())
                    .startsWith("refused before acting: argument 'replicas' is 500, above the limit of 10");
            assertThat(misspelt.summary())
                    .isEqualTo(
                            "refused before acting: kubernetes.scale does not take replica (it takes namespace, name,"
                                    + " replicas); nothing was run");
            assertThat(wrongKind.summary())
                    .isEqualTo(
                            "refused before acting: kubernetes.scale acts on Deployments, not on StatefulSet shop/db;"
                                    + " nothing was run");
            assertThat(List.of(words, tooMany, misspelt, wrongKind)).noneMatch(ActionOutcome::succeeded);
        }
    }

    @Test
    void anActionRiskierThanWhatWasApprovedIsRefused() {
        RecordingTool delete = new RecordingTool(
                "kubernetes.delete_pvc", Risk.DESTRUCTIVE, args -> new ToolResult.Success("gone", args));

        ActionOutcome outcome = runner(delete)
                .run(
                        Proposals.of("kubernetes.delete_pvc", "PersistentVolumeClaim/shop/data", Map.of(), Risk.WRITE),
                        Proposals.SESSION);

        assertThat(outcome.summary())
                .isEqualTo("kubernetes.delete_pvc is DESTRUCTIVE but was approved as WRITE: nothing was run");
        assertThat(delete.calls).isZero();
    }

    @Test
    void aToolErrorIsAFailedOutcomeInItsWords() {
        RecordingTool rollback = new RecordingTool(
                "kubernetes.rollback",
                Risk.WRITE,
                args -> new ToolResult.Error(
                        SourceFailure.Kind.BAD_REQUEST, "Deployment shop/checkout has no revision 7"));

        ActionOutcome outcome = runner(rollback).run(Proposals.rollbackCheckoutTo(7), Proposals.SESSION);

        assertThat(outcome).isEqualTo(ActionOutcome.failed("Deployment shop/checkout has no revision 7"));
    }

    @Test
    void aGuardrailRefusalIsReportedAsSuch() {
        PolicyRequest delete = new PolicyRequest(
                "kubernetes",
                "delete",
                Risk.DESTRUCTIVE,
                "namespaces",
                null,
                "shop",
                "production",
                "alice@example.com");
        RecordingTool rogue = new RecordingTool("kubernetes.rollback", Risk.WRITE, args -> {
            throw new PolicyViolation(delete, new PolicyDecision.Deny("no-destructive-in-production", "never"));
        });

        ActionOutcome outcome = runner(rogue).run(Proposals.rollbackCheckoutTo(41), Proposals.SESSION);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.summary())
                .isEqualTo("refused by the guardrails: delete namespaces shop (kubernetes, production) is refused by"
                        + " rule no-destructive-in-production: never");
    }

    @Test
    void aToolThatHangsIsGivenUpAtTheDeadlineAndTheOutcomeSaysItIsUnknown() {
        RecordingTool slow = new RecordingTool("kubernetes.rollback", Risk.WRITE, args -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ToolResult.Success("late", args);
        });
        ToolActionRunner runner = new ToolActionRunner(List.of(slow), Duration.ofMillis(200), Clock.systemUTC());

        long started = System.nanoTime();
        ActionOutcome outcome = runner.run(Proposals.rollbackCheckoutTo(41), Proposals.SESSION);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(outcome)
                .isEqualTo(ActionOutcome.failed("kubernetes.rollback did not finish within 200 ms: whether it took"
                        + " effect is unknown; check before trying again"));
    }
}
