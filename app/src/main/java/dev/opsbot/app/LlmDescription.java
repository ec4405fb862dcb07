package dev.opsbot.app;

import dev.opsbot.app.config.LlmConfig;

/** How {@code status} names the configured model: provider and model, never a key or a URL with credentials. */
final class LlmDescription {
    private LlmDescription() {}

    static String of(LlmConfig llm) {
        if (llm == null || "none".equals(llm.provider())) {
            return "none (deterministic answers only)";
        }
        return llm.model() == null ? llm.provider() : llm.provider() + " (" + llm.model() + ")";
    }
}
