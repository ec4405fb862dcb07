package dev.opsbot.app.agent;

import dev.langchain4j.model.chat.ChatModel;
import dev.opsbot.app.config.LlmConfig;
import dev.opsbot.app.llm.ChatModels;
import dev.opsbot.app.triage.TriageBackend;
import dev.opsbot.core.agent.AgentBudget;
import dev.opsbot.core.agent.AgentLoop;
import dev.opsbot.core.agent.AgentTranscripts;
import dev.opsbot.core.approval.ApprovalService;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.conversation.AgentAdvisor;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.tool.ToolInvoker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;

/** The model as configured under {@code llm:}, or none: {@code llm.provider: none} keeps the deterministic bot. */
public final class ConfiguredAgent {
    private ConfiguredAgent() {}

    public static Optional<AgentAdvisor> create(
            LlmConfig config,
            TriageBackend triage,
            ApprovalService approvals,
            TransportGuard guard,
            String environment,
            AuditLog audit,
            AgentTranscripts transcripts,
            MeterRegistry metrics,
            Clock clock) {
        return ChatModels.from(config)
                .map(model -> advisor(
                        model, config, triage, approvals, guard, environment, audit, transcripts, metrics, clock));
    }

    /** The same, with a model built elsewhere (a test's scripted one). */
    public static AgentAdvisor advisor(
            ChatModel model,
            LlmConfig config,
            TriageBackend triage,
            ApprovalService approvals,
            TransportGuard guard,
            String environment,
            AuditLog audit,
            AgentTranscripts transcripts,
            MeterRegistry metrics,
            Clock clock) {
        AgentLoop loop = new AgentLoop(
                model,
                config.model() == null ? config.provider() : config.model(),
                new ToolInvoker(guard, environment),
                budget(config),
                clock);
        return new AgentAdvisor(
                loop,
                triage::readTools,
                approvals,
                approvals.catalog(),
                guard,
                audit,
                new MetricsAgentObserver(metrics),
                transcripts,
                clock);
    }

    static AgentBudget budget(LlmConfig config) {
        return new AgentBudget(
                config.maxSteps(),
                config.maxInputTokens(),
                config.maxOutputTokens(),
                config.timeout(),
                config.retries(),
                config.backoff());
    }
}
