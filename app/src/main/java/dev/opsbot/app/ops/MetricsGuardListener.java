package dev.opsbot.app.ops;

import dev.opsbot.core.policy.PolicyDecision;
import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.policy.TransportGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code opsbot_guardrail_refused_total{system,rule}}: every request the guardrails stopped before it left. */
public final class MetricsGuardListener implements TransportGuard.Listener {
    private final MeterRegistry registry;

    public MetricsGuardListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void refused(PolicyRequest request, PolicyDecision decision) {
        Counter.builder("opsbot.guardrail.refused")
                .description("requests the guardrails stopped before they left, by system and rule")
                .tag("system", request.system())
                .tag("rule", decision.rule())
                .register(registry)
                .increment();
    }
}
