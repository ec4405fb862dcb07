package dev.opsbot.app.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.approval.ActionOutcome;
import dev.opsbot.core.approval.ActionVerifier.Verification;
import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.scenario.ScenarioServer;
import dev.opsbot.scenario.Scenarios;
import dev.opsbot.tools.actions.KubernetesActions;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import dev.opsbot.tools.prometheus.InMemoryMetrics;
import dev.opsbot.tools.prometheus.Sample;
import dev.opsbot.tools.signals.SignalQueries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecoveryVerifierTest {
    private static final Instant NOW = Instant.parse("2026-03-10T02:47:00Z");
    private static final VerificationSettings TWO_MINUTES = VerificationSettings.DEFAULTS;

    /** The bundled checkout-oom scenario, acted on through the runner, verified on the scenario's own clock. */
    @Nested
    class OnTheScenario {
        private ScenarioServer server;
        private KubernetesAccess kubernetes;
        private ToolActionRunner runner;

        @BeforeEach
        void start() {
            server = ScenarioServer.start(Scenarios.bundled());
            kubernetes = new KubernetesAccess(server.kubernetesConfig(), true);
            runner = new ToolActionRunner(
                    KubernetesActions.all(kubernetes, 10), ToolActionRunner.DEFAULT_BUDGET, Clock.systemUTC());
        }

        @AfterEach
        void stop() {
            kubernetes.close();
            server.close();
        }

        private RecoveryVerifier verifier(VerificationSettings settings) {
            return new RecoveryVerifier(
                    kubernetes,
                    server.metrics(),
                    SignalQueries.defaults(),
                    proposal -> Principal.of(proposal.requesterEmail()),
                    settings,
                    server.clock(),
                    server::advanceClock);
        }

        @Test
        void aRollbackOfCheckoutRecoversAndSaysWhatWasSeen() {
            Proposal rollback = Proposals.rollbackCheckoutTo(41);

            ActionOutcome outcome = runner.run(rollback, Proposals.SESSION);
            Verification verification = verifier(TWO_MINUTES).verify(rollback, outcome);

            assertThat(outcome.summary())
                    .startsWith(
                            "Deployment shop/checkout rolled back to revision 41 (memory limit" + " 128Mi -> 512Mi");
            assertThat(verification.recovered()).as(verification.summary()).isTrue();
            assertThat(verification.summary())
                    .startsWith("rollout complete: 3/3 pods ready on revision 43; for the 1 min since: 5xx ratio 0.1%"
                            + " (was 21.8%), restarts 0 (was ")
                    .contains("p99 latency");
            // rate() needs its minute after the rollout: four looks 15 s apart, and no more
            assertThat(server.clock().instant()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        }

        @Test
        void aRestartOfCrashingPodsDoesNotRecoverWithinTheWindow() {
            Proposal restart = Proposals.of("kubernetes.restart", "Deployment/shop/checkout", Map.of(), Risk.WRITE);

            ActionOutcome outcome = runner.run(restart, Proposals.SESSION);
            Verification verification = verifier(TWO_MINUTES).verify(restart, outcome);

            assertThat(outcome.succeeded()).isTrue();
            assertThat(verification.recovered()).isFalse();
            assertThat(verification.summary())
                    .startsWith(
                            "not recovered within 2 min: rollout not complete: 1 of 3 updated pods available (checkout-")
                    .contains("is CrashLoopBackOff")
                    .endsWith("the symptom is measured once the rollout is complete");
            assertThat(server.clock().instant()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        }

        @Test
        void withAShortWindowOnTheWallClockItGivesUpInTime() {
            Proposal nothingDone = Proposals.rollbackCheckoutTo(41);
            RecoveryVerifier verifier = new RecoveryVerifier(
                    kubernetes,
                    server.metrics(),
                    SignalQueries.defaults(),
                    proposal -> Principal.of(proposal.requesterEmail()),
                    new VerificationSettings(
                            Duration.ofMillis(300),
                            Duration.ofMillis(100),
                            Duration.ofMinutes(1),
                            Duration.ofHours(1),
                            Duration.ofSeconds(5)),
                    Clock.systemUTC(),
                    Pause.sleeping());

            long started = System.nanoTime();
            Verification verification = verifier.verify(nothingDone, ActionOutcome.done("pretend it ran"));

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
            assertThat(verification.recovered()).isFalse();
            assertThat(verification.summary()).startsWith("not recovered within 300 ms: rollout not complete: ");
        }
    }

    /** The symptom alone (no cluster to read), over samples written here. */
    @Nested
    class OnTheSymptom {
        private final TestClock clock = new TestClock(NOW);

        private RecoveryVerifier verifier(InMemoryMetrics metrics) {
            return new RecoveryVerifier(
                    null,
                    metrics,
                    SignalQueries.defaults(),
                    proposal -> Principal.of(proposal.requesterEmail()),
                    TWO_MINUTES,
                    clock,
                    clock::advance);
        }

        @Test
        void aRatioBackUnderItsThresholdIsRecovered() {
            Verification verification = verifier(checkoutTraffic(0))
                    .verify(Proposals.rollbackCheckoutTo(41), ActionOutcome.done("rolled back"));

            assertThat(verification)
                    .isEqualTo(new Verification(
                            true,
                            "rollout not checked (no Kubernetes source); for the 1 min since: 5xx ratio 0.0% (was"
                                    + " 23.1%)"));
        }

        @Test
        void aRatioStillHighWhenTheWindowEndsIsNotRecovered() {
            Verification verification = verifier(checkoutTraffic(30))
                    .verify(Proposals.rollbackCheckoutTo(41), ActionOutcome.done("rolled back"));

            assertThat(verification)
                    .isEqualTo(new Verification(
                            false,
                            "not recovered within 2 min: rollout not checked (no Kubernetes source); for the 2 min"
                                    + " since: 5xx ratio 23.1% (over the 2.0% threshold; was 23.1%)"));
        }

        @Test
        void aServiceWithoutSignalsCannotBeSaidToHaveRecovered() {
            Verification verification = verifier(checkoutTraffic(0))
                    .verify(
                            Proposals.of("kubernetes.restart", "Deployment/shop/cart", Map.of(), Risk.WRITE),
                            ActionOutcome.done("restarted"));

            assertThat(verification.recovered()).isFalse();
            assertThat(verification.summary()).endsWith("no symptom signal has data for cart");
        }

        @Test
        void onlyDeploymentsAreVerified() {
            Verification verification = verifier(checkoutTraffic(0))
                    .verify(
                            Proposals.of("argocd.sync", "Application/argocd/checkout", Map.of(), Risk.WRITE),
                            ActionOutcome.done("sync started"));

            assertThat(verification)
                    .isEqualTo(new Verification(
                            false, "not verified: opsbot verifies Deployments, not Application argocd/checkout"));
        }

        @Test
        void aFailedActionIsNotVerified() {
            Verification verification = verifier(checkoutTraffic(0))
                    .verify(Proposals.rollbackCheckoutTo(41), ActionOutcome.failed("no revision 41"));

            assertThat(verification).isEqualTo(new Verification(false, "not verified: the action did not succeed"));
            assertThat(clock.instant()).isEqualTo(NOW);
        }

        /**
         * 100 requests per 30 s for checkout for an hour and more; 5xx at 30 per 30 s in the 15 minutes before
         * {@link #NOW}, and at {@code failingAfter} per 30 s from then on.
         */
        private static InMemoryMetrics checkoutTraffic(int failingAfter) {
            List<Sample> samples = new ArrayList<>();
            double ok = 0;
            double failed = 0;
            for (Instant at = NOW.minus(Duration.ofMinutes(70));
                    !at.isAfter(NOW.plus(Duration.ofMinutes(10)));
                    at = at.plusSeconds(30)) {
                ok += 100;
                if (at.isAfter(NOW)) {
                    failed += failingAfter;
                } else if (at.isAfter(NOW.minus(Duration.ofMinutes(15)))) {
                    failed += 30;
                }
                samples.add(sample("200", at, ok));
                samples.add(sample("500", at, failed));
            }
            return InMemoryMetrics.builder().add(samples).build();
        }

        private static Sample sample(String code, Instant at, double value) {
            return new Sample(
                    Map.of("__name__", "http_requests_total", "namespace", "shop", "service", "checkout", "code", code),
                    at.toEpochMilli(),
                    value);
        }
    }

    /** A clock that moves only when advanced. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
