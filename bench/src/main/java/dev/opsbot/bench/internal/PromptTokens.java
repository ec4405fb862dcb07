package dev.opsbot.bench.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.internal.OpenAiUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Input tokens of one model request as an OpenAI-compatible provider would be sent them, counted with jtokkit's
 * {@code o200k_base} (GPT-4o's encoding): every message's text (an assistant message's tool calls as their name and
 * arguments), every offered tool as the {@code {"type":"function","function":{name, description, parameters}}} JSON
 * LangChain4j's OpenAI adapter sends, and OpenAI's documented framing of {@value #PER_MESSAGE} tokens per message plus
 * {@value #REPLY_PRIMING} for the reply. OpenAI renders tools more compactly than that JSON, so the tool part is an
 * upper bound; the parts are counted one by one and summed, which can differ by a token or two from counting the
 * joined text.
 */
public final class PromptTokens {
    /** OpenAI's cookbook: each message costs its role and separators. */
    public static final int PER_MESSAGE = 3;
    /** ... and every reply is primed with {@code <|start|>assistant<|message|>}. */
    public static final int REPLY_PRIMING = 3;

    public static final String SYSTEM = "system prompt";
    public static final String EVIDENCE = "evidence brief";
    public static final String QUESTION = "question and instructions";
    public static final String TOOL_SPECS = "tool specs";
    public static final String MODEL_CALLS = "model's own tool calls";
    public static final String FRAMING = "message framing";
    public static final String TOOL_RESULT = "tool result ";

    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final Pattern EVIDENCE_BLOCK =
            Pattern.compile("<data kind=\"evidence\".*?\\n</data>", Pattern.DOTALL);

    /** One contributor to a request: its kind ({@link #SYSTEM}, {@link #TOOL_SPECS}, ...), what it is, its tokens. */
    public record Part(String kind, String label, int tokens) {}

    /** The parts of one request, in the order they are sent. */
    public record Count(List<Part> parts) {
        public int total() {
            return parts.stream().mapToInt(Part::tokens).sum();
        }

        public int of(String kind) {
            return parts.stream()
                    .filter(p -> p.kind().equals(kind))
                    .mapToInt(Part::tokens)
                    .sum();
        }
    }

    private PromptTokens() {}

    public static int tokens(String text) {
        return text == null || text.isEmpty() ? 0 : O200K.countTokensOrdinary(text);
    }

    public static Count count(ChatRequest request) {
        List<Part> parts = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            switch (message) {
                case SystemMessage s -> parts.add(new Part(SYSTEM, "system", tokens(s.text())));
                case UserMessage u -> user(u.singleText(), parts);
                case AiMessage a -> parts.add(new Part(MODEL_CALLS, calls(a), tokens(text(a))));
                case ToolExecutionResultMessage t ->
                    parts.add(new Part(TOOL_RESULT + t.toolName(), t.toolName(), tokens(t.text())));
                default -> throw new IllegalStateException("no token rule for " + message.type() + " messages");
            }
        }
        parts.add(new Part(FRAMING, "framing", PER_MESSAGE * request.messages().size() + REPLY_PRIMING));
        for (ToolSpecification tool : request.toolSpecifications()) {
            parts.add(new Part(TOOL_SPECS, tool.name(), tokens(wireJson(tool))));
        }
        return new Count(List.copyOf(parts));
    }

    /** The tokens of the model's reply: its text and tool calls. */
    public static int output(AiMessage reply) {
        return tokens(text(reply));
    }

    /** A tool as LangChain4j's OpenAI adapter puts it in the request's {@code tools} array. */
    public static String wireJson(ToolSpecification tool) {
        try {
            return JSON.writeValueAsString(
                    OpenAiUtils.toTools(List.of(tool), false).getFirst());
        } catch (Exception e) {
            throw new IllegalStateException("tool " + tool.name() + " did not render as OpenAI JSON: " + e, e);
        }
    }

    private static void user(String text, List<Part> parts) {
        Matcher evidence = EVIDENCE_BLOCK.matcher(text);
        if (evidence.find()) {
            parts.add(new Part(EVIDENCE, "evidence", tokens(evidence.group())));
            parts.add(new Part(
                    QUESTION,
                    "user",
                    tokens(text.substring(0, evidence.start())) + tokens(text.substring(evidence.end()))));
        } else {
            parts.add(new Part(QUESTION, "user", tokens(text)));
        }
    }

    private static String text(AiMessage message) {
        StringBuilder text = new StringBuilder(message.text() == null ? "" : message.text());
        if (message.hasToolExecutionRequests()) {
            for (ToolExecutionRequest call : message.toolExecutionRequests()) {
                text.append(call.name()).append(call.arguments());
            }
        }
        return text.toString();
    }

    private static String calls(AiMessage message) {
        return message.hasToolExecutionRequests()
                ? String.join(
                        ",",
                        message.toolExecutionRequests().stream()
                                .map(ToolExecutionRequest::name)
                                .toList())
                : "text";
    }
}
