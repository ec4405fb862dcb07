package dev.opsbot.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.tool.Risk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TransportGuardTest {
    private static final Instant NOW = Instant.parse("2026-03-10T02:47:00Z");
    private static final PolicyRequest PATCH_CHECKOUT = new PolicyRequest(
            "kubernetes", "patch", Risk.WRITE, "deployments", "shop", "checkout", "production", "bob@example.com");
    private static final PolicyRequest DELETE_SHOP = new PolicyRequest(
            "kubernetes", "delete", Risk.DESTRUCTIVE, "namespaces", "shop", "shop", "production", "bob@example.com");

    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final List<String> refusals = new ArrayList<>();
    private final TransportGuard guard = new TransportGuard(
            PolicyEngine.defaults(),
            audit,
            new MutableClock(NOW),
            (request, decision) -> refusals.add(decision.rule()));

    private static ApprovedAction approving(PolicyRequest... requests) {
        return new ApprovedAction("P-41", List.of(requests));
    }

    @Test
    void anAllowedRequestPassesAndNothingIsRecorded() {
        PolicyRequest list =
                new PolicyRequest("kubernetes", "list", Risk.READ, "pods", "shop", null, "production", null);

        assertThatCode(() -> guard.check(list)).doesNotThrowAnyException();
        assertThat(audit.events()).isEmpty();
        assertThat(refusals).isEmpty();
    }

    @Test
    void aWriteOutsideAnApprovedProposalIsRefusedSayingItNeedsOne() {
        assertThatThrownBy(() -> guard.check(PATCH_CHECKOUT))
                .isInstanceOfSatisfying(PolicyViolation.class, violation -> {
                    assertThat(violation.decision()).isInstanceOf(PolicyDecision.RequireApproval.class);
                    assertThat(violation.getMessage())
                            .isEqualTo("patch deployments shop/checkout (kubernetes, production) is refused by rule"
                                    + " writes-need-approval: a write needs a proposal that a person approved"
                                    + " (no approved proposal is being executed)");
                });
    }

    @Test
    void aWriteThatTheBoundApprovalCoversPasses() {
        ApprovedAction approval = approving(new PolicyRequest(
                "kubernetes", "patch", Risk.WRITE, "deployments", "shop", "checkout", "production", null));

        approval.run(() -> {
            guard.check(PATCH_CHECKOUT);
            return null;
        });

        assertThat(audit.events()).isEmpty();
    }

    @Test
    void aWriteToAnotherObjectThanTheApprovedOneIsRefusedNamingTheProposal() {
        ApprovedAction approval = approving(new PolicyRequest(
                "kubernetes", "patch", Risk.WRITE, "deployments", "shop", "cart", "production", null));

        assertThatThrownBy(() -> approval.run(() -> {
                    guard.check(PATCH_CHECKOUT);
                    return null;
                }))
                .isInstanceOf(PolicyViolation.class)
                .hasMessageEndingWith("(approved proposal P-41 does not cover it)");
    }

    @Test
    void aDenyIsRefusedEvenWhenAnApprovalCoversTheRequest() {
        ApprovedAction approval = approving(DELETE_SHOP);

        assertThatThrownBy(() -> approval.run(() -> {
                    guard.check(DELETE_SHOP);
                    return null;
                }))
                .isInstanceOfSatisfying(
                        PolicyViolation.class,
                        violation -> assertThat(violation.decision().rule()).isEqualTo("no-data-loss-in-production"));
    }

    @Test
    void theApprovalReachesThreadsTheActionStarts() throws Exception {
        ApprovedAction approval = approving(PATCH_CHECKOUT);

        Throwable failure = approval.run(() -> {
            CompletableFuture<Throwable> onAnotherThread = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    guard.check(PATCH_CHECKOUT);
                    onAnotherThread.complete(null);
                } catch (PolicyViolation e) {
                    onAnotherThread.complete(e);
                }
            });
            return onAnotherThread.join();
        });

        assertThat(failure).isNull();
    }

    @Test
    void everyRefusalIsAuditedAndCountedBeforeItIsThrown() {
        try {
            guard.check(DELETE_SHOP);
        } catch (PolicyViolation swallowed) {
            // a rogue tool may swallow it; the record stays
        }

        assertThat(audit.events(AuditEvent.GuardrailRefused.class))
                .containsExactly(new AuditEvent.GuardrailRefused(
                        NOW,
                        "bob@example.com",
                        "delete namespaces shop/shop (kubernetes, production)",
                        "no-data-loss-in-production",
                        "deleting a namespace, a volume or a CRD in production destroys data no rollback brings back"));
        assertThat(refusals).containsExactly("no-data-loss-in-production");
    }

    @Test
    void aRefusalOfARequestWithNoKnownPrincipalIsRecordedAsOpsbot() {
        PolicyRequest put =
                new PolicyRequest("aws", "PutMetricData", Risk.WRITE, "cloudwatch", null, null, "staging", null);

        assertThatThrownBy(() -> guard.check(put)).isInstanceOf(PolicyViolation.class);

        assertThat(audit.events(AuditEvent.GuardrailRefused.class).getFirst().actor())
                .isEqualTo("opsbot");
    }

    @Test
    void anAuditLogThatFailsDoesNotLetTheRequestThrough() {
        AuditLog broken = new AuditLog() {
            @Override
            public void record(AuditEvent event) {
                throw new IllegalStateException("database is down");
            }

            @Override
            public List<AuditEntry> since(Instant since, int limit) {
                return List.of();
            }
        };
        TransportGuard guarded = new TransportGuard(
                PolicyEngine.defaults(), broken, new MutableClock(NOW), TransportGuard.Listener.NONE);

        assertThatThrownBy(() -> guarded.check(DELETE_SHOP))
                .isInstanceOfSatisfying(PolicyViolation.class, violation -> assertThat(violation.getSuppressed())
                        .singleElement()
                        .satisfies(e -> assertThat(e).hasMessage("database is down")));
    }

    @Test
    void decideTellsACoveredWriteApartWithoutRecordingAnything() {
        PolicyDecision outside = guard.decide(PATCH_CHECKOUT);
        PolicyDecision inside = approving(PATCH_CHECKOUT).run(() -> guard.decide(PATCH_CHECKOUT));

        assertThat(outside).isInstanceOf(PolicyDecision.RequireApproval.class);
        assertThat(inside)
                .isEqualTo(new PolicyDecision.Allow("writes-need-approval", "covered by approved proposal P-41"));
        assertThat(audit.events()).isEmpty();
    }
}
