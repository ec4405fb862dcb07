package dev.opsbot.core.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolInvoker;
import dev.opsbot.core.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The agent: routes the question to one or more specialists, then lets the model read with their tools until it
 * calls {@code answer.final_answer} or a budget runs out.
 *
 * <p>What keeps it an advisor: only {@link Risk#READ} tools are ever offered (a write tool is not even named to the
 * model), each call goes through the {@link ToolInvoker} as the asking person with the same guardrails as any other
 * call, and everything the model sends back is a suggestion the caller passes to the approval flow. What keeps
 * secrets out: every text the model gets is redacted into the conversation's vault first, and tool output is
 * redacted by the invoker before the model sees it.
 */
public final class AgentLoop {
    /** Tool output beyond this many characters is cut: one log dump must not eat the token budget. */
    static final int MAX_TOOL_RESULT_CHARS = 4_000;

    /** What is left of a result in later calls, once the model has seen it whole. */
    static final int EARLIER_RESULT_CHARS = 400;

    static final String EARLIER_MARK = "[earlier result, cut to save tokens";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelCalls calls;
    private final String modelName;
    private final ToolInvoker invoker;
    private final AgentBudget budget;
    private final Clock clock;
    private final Redactor redactor = Redactor.standard();

    public AgentLoop(ChatModel model, String modelName, ToolInvoker invoker, AgentBudget budget, Clock clock) {
        this(model, modelName, invoker, budget, clock, Thread::sleep);
    }

    AgentLoop(
            ChatModel model,
            String modelName,
            ToolInvoker invoker,
            AgentBudget budget,
            Clock clock,
            ModelCalls.Sleeper sleeper) {
        this.modelName = Objects.requireNonNull(modelName, "modelName");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calls = new ModelCalls(model, budget.retries(), budget.backoff(), clock, sleeper);
    }

    public String modelName() {
        return modelName;
    }

    public AgentBudget budget() {
        return budget;
    }

    public AgentResult run(AgentRequest request, AgentListener listener) {
        Run run = new Run(request, listener, clock.instant().plus(budget.timeout()));
        try {
            return run.go();
        } catch (ModelUnavailableException e) {
            return new AgentResult.Unavailable(e.getMessage(), run.usage, run.toolCalls);
        }
    }

    /** The state of one run. */
    private final class Run {
        private final AgentRequest request;
        private final AgentListener listener;
        private final Instant deadline;
        private final List<ToolCall> toolCalls = new ArrayList<>();
        /** Tool call id -> the tool's name, for compacting its result later. */
        private final Map<String, String> results = new LinkedHashMap<>();

        private ModelUsage usage = ModelUsage.NONE;

        Run(AgentRequest request, AgentListener listener, Instant deadline) {
            this.request = request;
            this.listener = listener;
            this.deadline = deadline;
        }

        AgentResult go() {
            List<DomainAgent> agents = route();
            Map<String, Tool> offered = offered(agents);
            List<ToolSpecification> specs = new ArrayList<>(ToolCatalog.specifications(offered));
            ToolSpecification finish = ToolSchemas.specification(FinalAnswer.spec());
            specs.add(finish);

            List<ChatMessage> messages = new ArrayList<>();
            messages.add(SystemMessage.from(Prompts.system(agents, request.actions())));
            messages.add(UserMessage.from(Prompts.user(request, redactor, request.vault())));
            String fallbackText = null;
            for (int step = 1; step <= budget.maxSteps(); step++) {
                if (!clock.instant().isBefore(deadline)) {
                    return incomplete(
                            "the model ran out of time (" + budget.timeout().toSeconds() + " s)");
                }
                boolean last = step == budget.maxSteps() || nearTokenBudget(messages);
                if (last && usage.inputTokens() >= budget.maxInputTokens()) {
                    return incomplete("the model used its token budget (" + budget.maxInputTokens() + ")");
                }
                if (last && step > 1) {
                    messages.add(UserMessage.from(Prompts.LAST_STEP));
                }
                ChatResponse response = call(step, messages, last ? List.of(finish) : specs);
                AiMessage ai = response.aiMessage();
                compactEarlierResults(messages);
                messages.add(ai);
                if (!ai.hasToolExecutionRequests()) {
                    if (ai.text() != null && !ai.text().isBlank()) {
                        // a model that answers in prose instead of the tool still answered
                        return answered(new FinalAnswer.Parsed(ai.text(), Double.NaN, List.of()), agents);
                    }
                    continue;
                }
                for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                    String name = ToolSchemas.toolName(call.name());
                    if (name.equals(FinalAnswer.NAME)) {
                        try {
                            return answered(FinalAnswer.parse(call.arguments()), agents);
                        } catch (IllegalArgumentException malformed) {
                            fallbackText = ai.text();
                            messages.add(ToolExecutionResultMessage.from(
                                    call, "error: " + malformed.getMessage() + "; call it again, correctly"));
                        }
                    } else {
                        messages.add(ToolExecutionResultMessage.from(call, runTool(step, call, offered)));
                    }
                }
            }
            if (fallbackText != null && !fallbackText.isBlank()) {
                return answered(new FinalAnswer.Parsed(fallbackText, Double.NaN, List.of()), agents);
            }
            return incomplete("the model did not conclude within " + budget.maxSteps() + " steps");
        }

        private List<DomainAgent> route() {
            if (!request.agents().isEmpty()) {
                listener.routed(request.agents(), false);
                return request.agents();
            }
            List<DomainAgent> byRules = byRules(request.question());
            if (byRules.isEmpty() && !request.thread().isEmpty()) {
                // a follow-up ("and were they restarted?") stays with what the conversation was about
                byRules = byRules(String.join(
                        "\n", request.thread().stream().map(Turn::text).toList()));
            }
            if (!byRules.isEmpty()) {
                listener.routed(byRules, false);
                return byRules;
            }
            String question = redactor.redact(request.question(), request.vault());
            ChatResponse response = calls.call(
                    ChatRequest.builder()
                            .messages(UserMessage.from(Prompts.router(DomainAgents.all(), question)))
                            .maxOutputTokens(30)
                            .build(),
                    deadline,
                    listener);
            count(0, List.of(), response, Duration.ZERO);
            Set<DomainAgent> picked = new LinkedHashSet<>();
            String text = response.aiMessage().text() == null
                    ? ""
                    : response.aiMessage().text();
            for (String name : text.split("[,\\s]+")) {
                DomainAgents.named(name).ifPresent(picked::add);
            }
            List<DomainAgent> agents = picked.isEmpty()
                    ? List.of(DomainAgents.KUBERNETES, DomainAgents.OBSERVABILITY)
                    : List.copyOf(picked);
            listener.routed(agents, true);
            return agents;
        }

        private static List<DomainAgent> byRules(String text) {
            return DomainAgents.all().stream().filter(a -> a.matches(text)).toList();
        }

        /** READ tools of the chosen specialists, by name; nothing else is ever shown to the model. */
        private Map<String, Tool> offered(List<DomainAgent> agents) {
            Map<String, Tool> offered = new LinkedHashMap<>();
            for (Tool tool : request.tools()) {
                if (tool.spec().risk() == Risk.READ && agents.stream().anyMatch(a -> a.mayUse(tool))) {
                    offered.putIfAbsent(tool.spec().name(), tool);
                }
            }
            return offered;
        }

        private ChatResponse call(int step, List<ChatMessage> messages, List<ToolSpecification> tools) {
            long started = System.nanoTime();
            ChatResponse response = calls.call(
                    ChatRequest.builder()
                            .messages(messages)
                            .toolSpecifications(tools)
                            .maxOutputTokens(budget.maxOutputTokens())
                            .build(),
                    deadline,
                    listener);
            count(step, messages, response, Duration.ofNanos(System.nanoTime() - started));
            return response;
        }

        private void count(int step, List<ChatMessage> messages, ChatResponse response, Duration took) {
            TokenUsage tokens = response.tokenUsage();
            long input = tokens != null && tokens.inputTokenCount() != null
                    ? tokens.inputTokenCount()
                    : estimateTokens(messages);
            long output = tokens != null && tokens.outputTokenCount() != null
                    ? tokens.outputTokenCount()
                    : estimateTokens(List.of(response.aiMessage()));
            usage = usage.plus(input, output);
            listener.modelCalled(step, input, output, sha256(messages), took);
        }

        /** When the next call would likely cross the input budget, it is the last one. */
        private boolean nearTokenBudget(List<ChatMessage> messages) {
            return usage.inputTokens() + 2 * estimateTokens(messages) > budget.maxInputTokens();
        }

        private String runTool(int step, ToolExecutionRequest call, Map<String, Tool> offered) {
            JsonNode parsed;
            try {
                parsed = JSON.readTree(
                        call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments());
            } catch (Exception e) {
                parsed = null;
            }
            ToolCatalog.Call read = parsed == null ? null : ToolCatalog.resolve(call.name(), parsed);
            String name = read == null ? ToolSchemas.toolName(call.name()) : read.toolName();
            JsonNode args = read == null ? parsed : read.arguments();
            Tool tool = offered.get(name);
            String arguments =
                    redactor.redact(args == null ? String.valueOf(call.arguments()) : args.toString(), request.vault());
            listener.toolStarted(step, name, arguments);
            long started = System.nanoTime();
            String outcome;
            String text;
            if (tool == null) {
                outcome = "refused: not offered";
                text = "error: there is no tool '" + name + "' you may call; use only the tools you were given";
            } else if (args == null || !args.isObject()) {
                outcome = "error: malformed arguments";
                text = "error: the arguments were not a JSON object";
            } else {
                ToolResult result = invoker.invoke(tool, request.context().within(remaining()), args, request.vault());
                outcome = outcome(result);
                text = render(result);
            }
            text = cut(text);
            ToolCall done = new ToolCall(
                    name,
                    arguments,
                    outcome,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    text.length());
            toolCalls.add(done);
            listener.toolFinished(step, done);
            results.put(call.id() == null ? name + toolCalls.size() : call.id(), name);
            return UntrustedData.quote("tool_result", name, text);
        }

        /**
         * Tool results the model has already reasoned over (every round but the one it is about to see) go again in
         * each later call; they are cut to their first lines so a long log is paid for once, not once per step.
         */
        private void compactEarlierResults(List<ChatMessage> messages) {
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i) instanceof ToolExecutionResultMessage result
                        && result.text().length() > EARLIER_RESULT_CHARS + 200
                        && !result.text().contains(EARLIER_MARK)) {
                    String name = results.getOrDefault(result.id(), result.toolName());
                    String body = result.text();
                    int open = body.indexOf('\n') + 1;
                    int close = body.lastIndexOf("\n</data>");
                    String inner = close > open ? body.substring(open, close) : body;
                    String digest = inner.substring(0, Math.min(EARLIER_RESULT_CHARS, inner.length()))
                            .replace("&lt;", "<")
                            .replace("&amp;", "&");
                    messages.set(
                            i,
                            ToolExecutionResultMessage.from(
                                    result.id(),
                                    result.toolName(),
                                    UntrustedData.quote(
                                            "tool_result",
                                            name,
                                            digest + "\n" + EARLIER_MARK + ": " + inner.length()
                                                    + " characters; read it again if you need the rest]")));
                }
            }
        }

        private Duration remaining() {
            Duration left = Duration.between(clock.instant(), deadline);
            return left.isNegative() ? Duration.ZERO : left;
        }

        private AgentResult answered(FinalAnswer.Parsed parsed, List<DomainAgent> agents) {
            // the model saw placeholders only; anything secret-looking it produced anyway stays out of the chat
            String text = request.vault().conceal(redactor.redact(parsed.text(), request.vault()));
            return new AgentResult.Answered(text, parsed.confidence(), parsed.proposals(), agents, usage, toolCalls);
        }

        private AgentResult incomplete(String reason) {
            return new AgentResult.Incomplete(reason, usage, toolCalls);
        }
    }

    private static String outcome(ToolResult result) {
        return switch (result) {
            case ToolResult.Success s -> "ok";
            case ToolResult.NoData n -> "no_data";
            case ToolResult.Error e -> "error: " + e.kind().name().toLowerCase(java.util.Locale.ROOT);
            case ToolResult.ApprovalRequired a -> "refused: needs approval";
        };
    }

    private static String render(ToolResult result) {
        return switch (result) {
            case ToolResult.Success s -> s.summary() + "\n" + s.data().toString();
            case ToolResult.NoData n -> "no data: " + n.reason();
            case ToolResult.Error e ->
                "error (" + e.kind().name().toLowerCase(java.util.Locale.ROOT) + "): " + e.reason();
            case ToolResult.ApprovalRequired a -> "refused: " + a.reason();
        };
    }

    /** Over the cap, the head and the longer tail: a log's last lines are where a crash is. */
    static String cut(String text) {
        if (text.length() <= MAX_TOOL_RESULT_CHARS) {
            return text;
        }
        int head = MAX_TOOL_RESULT_CHARS / 4;
        int tail = MAX_TOOL_RESULT_CHARS - head;
        return text.substring(0, head) + "\n[cut: " + (text.length() - head - tail) + " characters]\n"
                + text.substring(text.length() - tail);
    }

    /** About four characters a token: used only when a provider does not report usage. */
    static long estimateTokens(List<? extends ChatMessage> messages) {
        long chars = 0;
        for (ChatMessage m : messages) {
            chars += textOf(m).length();
        }
        return (chars + 3) / 4;
    }

    private static String textOf(ChatMessage message) {
        return switch (message) {
            case SystemMessage s -> s.text();
            case UserMessage u ->
                u.hasSingleText() ? u.singleText() : u.contents().toString();
            case AiMessage a ->
                (a.text() == null ? "" : a.text())
                        + (a.hasToolExecutionRequests()
                                ? a.toolExecutionRequests().toString()
                                : "");
            case ToolExecutionResultMessage t -> t.text();
            default -> message.toString();
        };
    }

    private static String sha256(List<ChatMessage> messages) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ChatMessage m : messages) {
                digest.update(textOf(m).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
