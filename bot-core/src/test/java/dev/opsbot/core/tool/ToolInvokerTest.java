package dev.opsbot.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.policy.ApprovedAction;
import dev.opsbot.core.policy.PolicyDecision;
import dev.opsbot.core.policy.PolicyEngine;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.policy.PolicyViolation;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ToolInvokerTest {
    private static final JsonNode NO_ARGUMENTS = JsonNodeFactory.instance.objectNode();
    private static final Instant START = Instant.parse("2026-03-10T02:47:00Z");

    private final ToolInvoker invoker = new ToolInvoker();
    private final MutableClock clock = new MutableClock(START);
    private final Principal alice = Principal.of("alice@example.com");

    /** A tool whose behaviour is a function of its context; counts its calls. */
    static final class ScriptedTool implements Tool {
        private final ToolSpec spec;
        private final Function<ToolContext, ToolResult> behaviour;
        final AtomicInteger calls = new AtomicInteger();

        ScriptedTool(String name, Risk risk, Function<ToolContext, ToolResult> behaviour) {
            String domain = name.substring(0, name.indexOf('.'));
            this.spec =
                    new ToolSpec(name, domain, "model", "people", ToolSpecTest.schema("{\"type\":\"object\"}"), risk);
            this.behaviour = behaviour;
        }

        static ScriptedTool reading(String name, Function<ToolContext, ToolResult> behaviour) {
            return new ScriptedTool(name, Risk.READ, behaviour);
        }

        @Override
        public ToolSpec spec() {
            return spec;
        }

        @Override
        public ToolResult call(ToolContext context, JsonNode arguments) {
            calls.incrementAndGet();
            return behaviour.apply(context);
        }
    }

    private ToolContext within(Duration budget) {
        return ToolContext.of(alice, budget, clock);
    }

    @Test
    void aToolThatAnswersInTimeHasItsResultPassedThrough() {
        ToolResult answer = new ToolResult.Success("3 pods", NO_ARGUMENTS);
        ScriptedTool tool = ScriptedTool.reading("kubernetes.list_pods", context -> answer);

        assertThat(invoker.invoke(tool, within(Duration.ofSeconds(2)), NO_ARGUMENTS))
                .isSameAs(answer);
    }

    @Test
    void aToolThatHangsAndIgnoresInterruptsIsATimeoutAtTheDeadlineNotWhenItFinishes() {
        ScriptedTool hanging = ScriptedTool.reading("kubernetes.list_pods", context -> {
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < until) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ignored) {
                    // a client stuck in a blocking read does not notice either
                }
            }
            return new ToolResult.NoData("too late");
        });

        long started = System.nanoTime();
        ToolResult result = invoker.invoke(hanging, within(Duration.ofMillis(200)), NO_ARGUMENTS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result)
                .isEqualTo(new ToolResult.Error(SourceFailure.Kind.TIMEOUT, "kubernetes did not answer in 200 ms"));
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(190)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void theTimeoutSaysTheBudgetInSecondsWhenItIsWholeSeconds() {
        ScriptedTool hanging = ScriptedTool.reading("prometheus.query", context -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ToolResult.NoData("interrupted");
        });
        ToolContext context = within(Duration.ofSeconds(1));

        ToolResult result = invoker.invoke(hanging, context, NO_ARGUMENTS);

        assertThat(result)
                .isEqualTo(new ToolResult.Error(SourceFailure.Kind.TIMEOUT, "prometheus did not answer in 1 s"));
    }

    @Test
    void aSourceFailureKeepsItsKindAndMessage() {
        ScriptedTool forbidden = ScriptedTool.reading("kubernetes.list_pods", context -> {
            throw SourceFailure.forbidden("kubernetes", "pods/list in namespace shop");
        });

        ToolResult result = invoker.invoke(forbidden, within(Duration.ofSeconds(2)), NO_ARGUMENTS);

        assertThat(result)
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.FORBIDDEN, "this identity lacks permission pods/list in namespace shop"));
    }

    @Test
    void anUnexpectedExceptionIsTheDomainBeingUnavailableWithItsMessage() {
        ScriptedTool broken = ScriptedTool.reading("argocd.app_history", context -> {
            throw new IllegalStateException("unexpected end of stream");
        });

        ToolResult result = invoker.invoke(broken, within(Duration.ofSeconds(2)), NO_ARGUMENTS);

        assertThat(result)
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.UNAVAILABLE, "argocd is unavailable: unexpected end of stream"));
    }

    @Test
    void anUnexpectedExceptionWithoutAMessageIsNamedByItsTypeNotByNull() {
        ScriptedTool broken = ScriptedTool.reading("argocd.app_history", context -> {
            throw new IllegalStateException();
        });

        ToolResult result = invoker.invoke(broken, within(Duration.ofSeconds(2)), NO_ARGUMENTS);

        assertThat(result).isInstanceOf(ToolResult.Error.class);
        ToolResult.Error error = (ToolResult.Error) result;
        assertThat(error.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(error.reason()).startsWith("argocd is unavailable: ").doesNotContain("null");
        assertThat(error.reason()).contains("IllegalStateException");
    }

    @Test
    void aSpentBudgetIsATimeoutAtOnceAndTheToolIsNotCalled() {
        ScriptedTool tool = ScriptedTool.reading("kubernetes.list_pods", context -> new ToolResult.NoData("none"));
        ToolContext context = within(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(2));

        long started = System.nanoTime();
        ToolResult result = invoker.invoke(tool, context, NO_ARGUMENTS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
        assertThat(result).isInstanceOf(ToolResult.Error.class);
        assertThat(((ToolResult.Error) result).kind()).isEqualTo(SourceFailure.Kind.TIMEOUT);
        assertThat(((ToolResult.Error) result).reason()).startsWith("kubernetes did not answer");
        assertThat(tool.calls).hasValue(0);
    }

    @Test
    void theToolSeesTheCallersDeadline() {
        ToolContext context = within(Duration.ofSeconds(3));
        ScriptedTool tool = ScriptedTool.reading(
                "kubernetes.list_pods",
                seen -> new ToolResult.Success(seen.deadline().toString(), NO_ARGUMENTS));

        ToolResult result = invoker.invoke(tool, context, NO_ARGUMENTS);

        assertThat(((ToolResult.Success) result).summary()).isEqualTo("2026-03-10T02:47:03Z");
    }

    private static final ToolResult DONE = new ToolResult.Success("done", NO_ARGUMENTS);

    private static ApprovedAction anyApproval() {
        return new ApprovedAction("P-41", List.of());
    }

    @Test
    void aWriteToolOutsideAnApprovedActionBecomesApprovalRequiredWithoutRunning() {
        ScriptedTool rollback = new ScriptedTool("kubernetes.rollback", Risk.WRITE, context -> DONE);
        JsonNode arguments = ToolSpecTest.schema("{\"namespace\":\"shop\",\"name\":\"checkout\"}");

        ToolResult result = invoker.invoke(rollback, within(Duration.ofSeconds(2)), arguments);

        assertThat(result).isInstanceOfSatisfying(ToolResult.ApprovalRequired.class, approval -> {
            assertThat(approval.operation()).isEqualTo("kubernetes.rollback");
            assertThat(approval.arguments()).isSameAs(arguments);
            assertThat(approval.reason()).contains("rule writes-need-approval");
        });
        assertThat(rollback.calls).hasValue(0);
    }

    @Test
    void aWriteToolInsideAnApprovedActionRuns() {
        ScriptedTool rollback = new ScriptedTool("kubernetes.rollback", Risk.WRITE, context -> DONE);

        ToolResult result =
                anyApproval().run(() -> invoker.invoke(rollback, within(Duration.ofSeconds(2)), NO_ARGUMENTS));

        assertThat(result).isSameAs(DONE);
        assertThat(rollback.calls).hasValue(1);
    }

    @Test
    void theToolsThreadCarriesTheApprovalDownToItsClients() {
        ScriptedTool rollback = new ScriptedTool(
                "kubernetes.rollback",
                Risk.WRITE,
                context -> new ToolResult.Success(
                        ApprovedAction.current().map(ApprovedAction::proposalId).orElse("none"), NO_ARGUMENTS));

        ToolResult result =
                anyApproval().run(() -> invoker.invoke(rollback, within(Duration.ofSeconds(2)), NO_ARGUMENTS));

        assertThat(((ToolResult.Success) result).summary()).isEqualTo("P-41");
    }

    @Test
    void aDestructiveToolInProductionIsAnErrorNamingTheRuleEvenWhenApproved() {
        InMemoryAuditLog audit = new InMemoryAuditLog();
        ToolInvoker guarded = new ToolInvoker(
                new TransportGuard(PolicyEngine.defaults(), audit, clock, TransportGuard.Listener.NONE), "production");
        ScriptedTool deleteNamespace = new ScriptedTool("kubernetes.delete_namespace", Risk.DESTRUCTIVE, c -> DONE);

        ToolResult result =
                anyApproval().run(() -> guarded.invoke(deleteNamespace, within(Duration.ofSeconds(2)), NO_ARGUMENTS));

        assertThat(result)
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.FORBIDDEN,
                        "kubernetes.delete_namespace (tool, production) is refused by rule no-destructive-in-production:"
                                + " destructive operations are not done by opsbot in production; a person does them"
                                + " by hand"));
        assertThat(deleteNamespace.calls).hasValue(0);
        assertThat(audit.events(AuditEvent.GuardrailRefused.class))
                .singleElement()
                .satisfies(event -> assertThat(event.actor()).isEqualTo("alice@example.com"));
    }

    @Test
    void aDestructiveToolOutsideProductionNeedsApprovalLikeAnyWrite() {
        ToolInvoker staging = new ToolInvoker(TransportGuard.defaults(), "staging");
        ScriptedTool deleteNamespace = new ScriptedTool("kubernetes.delete_namespace", Risk.DESTRUCTIVE, c -> DONE);

        assertThat(staging.invoke(deleteNamespace, within(Duration.ofSeconds(2)), NO_ARGUMENTS))
                .isInstanceOf(ToolResult.ApprovalRequired.class);
    }

    @Test
    void aRequestTheTransportRefusedIsAForbiddenErrorNamingTheRuleNotAnOutage() {
        PolicyRequest delete = new PolicyRequest(
                "kubernetes", "delete", Risk.DESTRUCTIVE, "namespaces", "shop", "shop", "production", null);
        ScriptedTool rogue = ScriptedTool.reading("kubernetes.list_pods", context -> {
            throw new PolicyViolation(delete, new PolicyDecision.Deny("no-data-loss-in-production", "no"));
        });

        ToolResult result = invoker.invoke(rogue, within(Duration.ofSeconds(2)), NO_ARGUMENTS);

        assertThat(result)
                .isEqualTo(new ToolResult.Error(
                        SourceFailure.Kind.FORBIDDEN,
                        "delete namespaces shop/shop (kubernetes, production) is refused by rule"
                                + " no-data-loss-in-production: no"));
    }
}
