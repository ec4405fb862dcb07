package dev.opsbot.core.policy;

import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check every guarded client runs before a request leaves: the Kubernetes HTTP interceptor, the AWS SDK
 * interceptor, and the tool invoker all ask it. {@link PolicyDecision.Deny} is refused whatever is approved;
 * {@link PolicyDecision.RequireApproval} passes only while the thread runs an {@link ApprovedAction} that covers the
 * request; {@link PolicyDecision.Allow} passes. Every refusal is recorded (audit log, then listener) before it is
 * thrown, so a rogue tool leaves a trace even when it swallows the exception.
 */
public final class TransportGuard {
    /** The actor recorded when the layer cannot tell who a request is for (an AWS call, an unimpersonated client). */
    public static final String UNKNOWN_ACTOR = "opsbot";

    private static final Logger log = LoggerFactory.getLogger(TransportGuard.class);
    private static final TransportGuard DEFAULTS = new TransportGuard(PolicyEngine.defaults());

    /** Told of every refusal, for metrics. Must not throw and must be quick: it runs on the request's thread. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (request, decision) -> {};

        void refused(PolicyRequest request, PolicyDecision decision);
    }

    private final PolicyEngine engine;
    private final AuditLog audit;
    private final Clock clock;
    private final Listener listener;

    /** A guard that records nothing: refusals are only thrown. */
    public TransportGuard(PolicyEngine engine) {
        this(engine, null, Clock.systemUTC(), Listener.NONE);
    }

    /**
     * @param audit where refusals are recorded, or null for nowhere
     * @param clock the time of the records
     * @param listener told of every refusal (a metrics counter)
     */
    public TransportGuard(PolicyEngine engine, AuditLog audit, Clock clock, Listener listener) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.audit = audit;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The default rules only, recording nothing: what a client gets when its builder was given no guard. */
    public static TransportGuard defaults() {
        return DEFAULTS;
    }

    public PolicyEngine engine() {
        return engine;
    }

    /**
     * The decision for {@code request} as it stands on this thread, without recording anything: a
     * {@link PolicyDecision.RequireApproval} that the bound approval covers comes back as an {@link PolicyDecision.Allow}
     * naming the proposal; one it does not cover says so.
     */
    public PolicyDecision decide(PolicyRequest request) {
        PolicyDecision decision = engine.decide(request);
        if (!(decision instanceof PolicyDecision.RequireApproval)) {
            return decision;
        }
        Optional<ApprovedAction> approval = ApprovedAction.current();
        if (approval.isPresent() && approval.get().covers(request)) {
            return new PolicyDecision.Allow(
                    decision.rule(),
                    "covered by approved proposal " + approval.get().proposalId());
        }
        return new PolicyDecision.RequireApproval(
                decision.rule(),
                decision.reason()
                        + approval.map(a -> " (approved proposal " + a.proposalId() + " does not cover it)")
                                .orElse(" (no approved proposal is being executed)"));
    }

    /**
     * Returns if {@code request} may be sent now; otherwise records the refusal and throws.
     *
     * @throws PolicyViolation naming the request and the rule
     */
    public void check(PolicyRequest request) {
        PolicyDecision decision = decide(request);
        if (!(decision instanceof PolicyDecision.Allow)) {
            throw refuse(request, decision);
        }
    }

    /**
     * Records that {@code request} was refused by {@code decision} and returns the violation to throw or report. For
     * callers that answer a refusal rather than throw it (the tool invoker).
     */
    public PolicyViolation refuse(PolicyRequest request, PolicyDecision decision) {
        PolicyViolation violation = new PolicyViolation(request, decision);
        try {
            if (audit != null) {
                audit.record(new AuditEvent.GuardrailRefused(
                        clock.instant(),
                        request.principal() == null ? UNKNOWN_ACTOR : request.principal(),
                        request.describe(),
                        decision.rule(),
                        decision.reason()));
            }
        } catch (RuntimeException recordFailed) {
            // the request is refused either way; the caller sees why the record is missing too
            violation.addSuppressed(recordFailed);
            log.warn(
                    "could not record the refusal of {} by rule {}", request.describe(), decision.rule(), recordFailed);
        }
        try {
            listener.refused(request, decision);
        } catch (RuntimeException listenerFailed) {
            log.warn("guardrail listener failed", listenerFailed);
        }
        return violation;
    }
}
