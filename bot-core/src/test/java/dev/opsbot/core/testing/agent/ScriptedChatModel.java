package dev.opsbot.core.testing.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A model that follows a script: each call takes the next step, which sees the request (to react to what tools
 * returned) and answers or throws. Every request is kept, so a test can assert exactly what reached the model.
 */
public final class ScriptedChatModel implements ChatModel {
    private final Deque<Function<ChatRequest, ChatResponse>> steps = new ArrayDeque<>();
    private final List<ChatRequest> requests = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    public synchronized ScriptedChatModel then(Function<ChatRequest, ChatResponse> step) {
        steps.add(step);
        return this;
    }

    /** Answers with a call of {@code tool} (its wire name, such as {@code kubernetes__pod_logs}). */
    public ScriptedChatModel thenCall(String wireName, String argumentsJson) {
        return then(request -> toolCall(wireName, argumentsJson));
    }

    public ScriptedChatModel thenAnswer(String argumentsJson) {
        return thenCall("answer__final_answer", argumentsJson);
    }

    public ScriptedChatModel thenText(String text) {
        return then(request -> respond(AiMessage.from(text)));
    }

    public ScriptedChatModel thenThrow(RuntimeException failure) {
        return then(request -> {
            throw failure;
        });
    }

    @Override
    public synchronized ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        Function<ChatRequest, ChatResponse> step = steps.poll();
        if (step == null) {
            throw new AssertionError("the script has no step for call " + requests.size());
        }
        return step.apply(request);
    }

    public synchronized List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** Everything the model was sent, every message of every request, as one text. */
    public synchronized String everythingSent() {
        StringBuilder all = new StringBuilder();
        for (ChatRequest request : requests) {
            for (ChatMessage message : request.messages()) {
                all.append(text(message)).append('\n');
            }
            request.toolSpecifications().forEach(spec -> all.append(spec).append('\n'));
        }
        return all.toString();
    }

    public static String text(ChatMessage message) {
        return switch (message) {
            case SystemMessage s -> s.text();
            case UserMessage u -> u.singleText();
            case AiMessage a -> a.text() + " " + a.toolExecutionRequests();
            case ToolExecutionResultMessage t -> t.text();
            default -> message.toString();
        };
    }

    public ChatResponse toolCall(String wireName, String argumentsJson) {
        return respond(AiMessage.from(ToolExecutionRequest.builder()
                .id("call-" + ids.incrementAndGet())
                .name(wireName)
                .arguments(argumentsJson)
                .build()));
    }

    public static ChatResponse respond(AiMessage message) {
        return ChatResponse.builder()
                .aiMessage(message)
                .tokenUsage(new TokenUsage(1000, 100))
                .build();
    }
}
