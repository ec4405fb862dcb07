/**
 * The language models the agent reasons with, built from {@link dev.opsbot.app.config.LlmConfig}:
 * {@link dev.opsbot.app.llm.ChatModels#from(dev.opsbot.app.config.LlmConfig)} gives a LangChain4j
 * {@code ChatModel} for Bedrock (Converse API) or any OpenAI-compatible server, or nothing for {@code none}.
 *
 * <p>Every model returned keeps one failure contract, whatever the vendor throws: throttling, timeouts, 5xx and
 * unreachable servers surface as LangChain4j {@code RetriableException}s, everything else as
 * {@code NonRetriableException}s, and no message carries the API key. The models never retry and never log
 * requests or responses: the agent owns retries (one budget, not one per layer), and prompts carry evidence.
 * See docs/llm.md.
 */
package dev.opsbot.app.llm;
