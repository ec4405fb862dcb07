package dev.opsbot.app.approval;

import dev.opsbot.core.approval.ActionOutcome;
import dev.opsbot.core.approval.ActionVerifier;
import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.tool.Durations;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.actions.DeploymentRef;
import dev.opsbot.tools.actions.Target;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import dev.opsbot.tools.prometheus.MetricsQuerier;
import dev.opsbot.tools.prometheus.MetricsQueryException;
import dev.opsbot.tools.signals.SignalQueries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Did the action work? Looks every {@code interval} until the window ends: first at the rollout (for a Deployment
 * target: {@link RolloutCheck}, read as the person), then, once it is complete and has been for the minimum range, at
 * the service's symptom signals measured over the time since ({@link SymptomCheck}: the triage's PromQL, the
 * triage's thresholds). Recovered when the rollout is complete and every signal that has data is back under its
 * threshold; otherwise, when the window ends, it says what it saw last. Nothing is assumed: a signal without data, an
 * unreadable source or a rollout still going is "not recovered", with the reason.
 *
 * <p>It blocks for up to the window: call it on a worker thread. Time is the {@code clock}'s and waiting is the
 * {@link Pause}'s, so a scenario can run it on its own clock (advanced instead of slept); requests to Kubernetes and
 * the metrics have their own wall-clock timeout.
 */
public final class RecoveryVerifier implements ActionVerifier {
    private final KubernetesAccess kubernetes;
    private final SymptomCheck symptoms;
    private final Function<Proposal, Principal> reader;
    private final VerificationSettings settings;
    private final Clock clock;
    private final Pause pause;

    /**
     * @param kubernetes the read path to the cluster (the rollout is not checked when null)
     * @param metrics the metrics source triage reads (the symptom is not measured when null)
     * @param queries the PromQL behind each named signal, as triage is configured
     * @param reader whom to read as for a proposal: its requester's read principal
     * @param clock the time of the world being verified (the system clock; a scenario's clock in the demo)
     * @param pause how to wait between looks ({@link Pause#sleeping()}; advancing a scenario's clock in the demo)
     */
    public RecoveryVerifier(
            KubernetesAccess kubernetes,
            MetricsQuerier metrics,
            SignalQueries queries,
            Function<Proposal, Principal> reader,
            VerificationSettings settings,
            Clock clock,
            Pause pause) {
        this.kubernetes = kubernetes;
        this.symptoms = metrics == null ? null : new SymptomCheck(metrics, Objects.requireNonNull(queries, "queries"));
        this.reader = Objects.requireNonNull(reader, "reader");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    @Override
    public Verification verify(Proposal proposal, ActionOutcome outcome) {
        if (!outcome.succeeded()) {
            return new Verification(false, "not verified: the action did not succeed");
        }
        Target target;
        try {
            target = Target.parse("verification", proposal.action().target());
        } catch (SourceFailure unusable) {
            return new Verification(false, "not verified: " + unusable.getMessage());
        }
        if (!target.kind().equals("Deployment") || target.namespace().isEmpty()) {
            // an Argo CD application's namespace is Argo CD's, not the service's: its signals would be looked up wrong
            return new Verification(false, "not verified: opsbot verifies Deployments, not " + target.display());
        }
        return new Watch(proposal, target).run();
    }

    /** One verification: what it has seen so far. */
    private final class Watch {
        private final Target target;
        private final Principal person;
        private final Instant actedAt = clock.instant();
        private final Instant deadline = actedAt.plus(settings.window());
        private List<SymptomCheck.Before> before;
        private String metricsProblem;
        private Instant rolledOutAt;
        private String rollout = "";
        private List<SymptomCheck.Reading> readings = List.of();
        private Duration measuredOver = Duration.ZERO;

        Watch(Proposal proposal, Target target) {
            this.target = target;
            this.person = reader.apply(proposal);
        }

        Verification run() {
            before = baseline();
            while (true) {
                Instant now = clock.instant();
                boolean failed = lookAtRollout(now);
                if (failed) {
                    return notRecovered();
                }
                if (rolledOutAt != null && !now.isBefore(rolledOutAt.plus(settings.minimumRange()))) {
                    lookAtSymptoms(now);
                    if (recovered()) {
                        return new Verification(true, recoveredSentence());
                    }
                }
                if (!now.isBefore(deadline)) {
                    return notRecovered();
                }
                try {
                    Duration left = Duration.between(now, deadline);
                    pause.pause(left.compareTo(settings.interval()) < 0 ? left : settings.interval());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Verification(false, "verification was interrupted: " + state());
                }
            }
        }

        private List<SymptomCheck.Before> baseline() {
            if (symptoms == null) {
                metricsProblem = "no metrics source is configured";
                return List.of();
            }
            List<String> failures = new ArrayList<>();
            List<SymptomCheck.Before> signals =
                    symptoms.before(target.namespace(), target.name(), actedAt, settings.baselineWindow(), failures);
            if (signals.isEmpty()) {
                metricsProblem = failures.isEmpty()
                        ? "no symptom signal has data for " + target.name()
                        : "the metrics could not be read: " + failures.getFirst();
            }
            return signals;
        }

        /** @return true when the rollout failed for good */
        private boolean lookAtRollout(Instant now) {
            if (kubernetes == null) {
                rolledOutAt = rolledOutAt == null ? actedAt : rolledOutAt;
                rollout = "rollout not checked (no Kubernetes source)";
                return false;
            }
            RolloutState state;
            try {
                DeploymentRef ref = new DeploymentRef(target.namespace(), target.name());
                ToolContext context = ToolContext.of(person, settings.requestTimeout(), Clock.systemUTC());
                state = new RolloutCheck(kubernetes).check(context, ref, actedAt);
            } catch (SourceFailure e) {
                state = RolloutState.waiting("the rollout could not be read: " + e.getMessage());
            }
            rollout = (state.complete() ? "rollout complete: " : "rollout not complete: ") + state.summary();
            if (!state.complete()) {
                rolledOutAt = null;
                readings = List.of();
            } else if (rolledOutAt == null) {
                rolledOutAt = now;
            }
            return state.failed();
        }

        private void lookAtSymptoms(Instant now) {
            if (before.isEmpty()) {
                return;
            }
            try {
                measuredOver = Duration.between(rolledOutAt, now);
                readings = symptoms.measure(target.namespace(), target.name(), before, measuredOver, now);
                metricsProblem = null;
            } catch (MetricsQueryException e) {
                metricsProblem = "the metrics could not be read: " + e.getMessage();
            }
        }

        private boolean recovered() {
            return !readings.isEmpty()
                    && metricsProblem == null
                    && readings.stream().allMatch(SymptomCheck.Reading::ok);
        }

        private String recoveredSentence() {
            return join(
                    rollout,
                    "for the " + Durations.human(measuredOver) + " since: "
                            + readings.stream()
                                    .map(SymptomCheck.Reading::describe)
                                    .collect(Collectors.joining(", ")));
        }

        private Verification notRecovered() {
            return new Verification(
                    false, "not recovered within " + Durations.human(settings.window()) + ": " + state());
        }

        private String state() {
            String measured;
            if (metricsProblem != null) {
                measured = metricsProblem;
            } else if (readings.isEmpty()) {
                measured = rolledOutAt == null
                        ? "the symptom is measured once the rollout is complete"
                        : "the symptom is measured once the rollout has run for "
                                + Durations.human(settings.minimumRange());
            } else {
                measured = "for the " + Durations.human(measuredOver) + " since: "
                        + readings.stream().map(SymptomCheck.Reading::describe).collect(Collectors.joining(", "));
            }
            return join(rollout, measured);
        }

        private static String join(String first, String second) {
            return first.isEmpty() ? second : first + "; " + second;
        }
    }
}
