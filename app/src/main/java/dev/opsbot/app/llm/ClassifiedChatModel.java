package dev.opsbot.app.llm;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A provider's model whose failures keep the agent's contract ({@link ModelFailures}). Everything else is the
 * provider's own: its default parameters (model name, max output tokens), its listeners, its capabilities.
 */
final class ClassifiedChatModel implements ChatModel {
    private final ChatModel delegate;
    private final ModelFailures failures;

    ClassifiedChatModel(ChatModel delegate, ModelFailures failures) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return chat(request, ChatRequestOptions.EMPTY);
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        try {
            return delegate.chat(request, options);
        } catch (RuntimeException e) {
            throw failures.translate(e);
        }
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        try {
            return delegate.doChat(request);
        } catch (RuntimeException e) {
            throw failures.translate(e);
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return delegate.listeners();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    @Override
    public String toString() {
        return "ClassifiedChatModel[" + delegate.getClass().getSimpleName() + "]";
    }
}
