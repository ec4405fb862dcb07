package dev.opsbot.app.agent;

import dev.opsbot.core.conversation.AgentObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The model's cost and health as metrics: {@code opsbot_model_tokens_total{model,direction}} (input, output),
 * {@code opsbot_model_calls_total{model}} and {@code opsbot_model_answers_total{model,outcome}} (answered,
 * unavailable, incomplete).
 */
final class MetricsAgentObserver implements AgentObserver {
    private final MeterRegistry registry;

    MetricsAgentObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void modelCalled(String model, long inputTokens, long outputTokens) {
        tokens(model, "input").increment(inputTokens);
        tokens(model, "output").increment(outputTokens);
        Counter.builder("opsbot_model_calls")
                .description("calls to the language model")
                .tag("model", model)
                .register(registry)
                .increment();
    }

    @Override
    public void finished(String model, String outcome, long inputTokens, long outputTokens) {
        Counter.builder("opsbot_model_answers")
                .description("answers the model worked on, by how they ended")
                .tag("model", model)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    private Counter tokens(String model, String direction) {
        return Counter.builder("opsbot_model_tokens")
                .description("tokens sent to (input) and received from (output) the language model")
                .tag("model", model)
                .tag("direction", direction)
                .register(registry);
    }
}
