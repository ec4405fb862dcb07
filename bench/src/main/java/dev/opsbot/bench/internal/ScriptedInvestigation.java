package dev.opsbot.bench.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model's part in the demo investigation, played from a script in this JVM: (1) read the previous log of a
 * crashed pod named in triage's evidence, (2) read the Deployment's rollout history, (3) answer with a rollback to
 * the revision before the change. Each step reads what the agent sent: the pod comes from the evidence, and the
 * next step only follows when the tool result holds what a model would have looked for (an OutOfMemoryError, the
 * earlier revision); otherwise the run fails with what was missing. A step calling a tool the agent did not offer
 * fails too. One instance serves run after run ({@link #reset}), as one model serves the app. It keeps every request and the time spent inside {@link #doChat} (entry and exit,
 * {@link System#nanoTime()}), so that time can be taken out of the agent's.
 */
public final class ScriptedInvestigation implements ChatModel {
    public static final String POD_LOGS = "kubernetes__pod_logs";
    public static final String ROLLOUT_HISTORY = "kubernetes__rollout_history";
    public static final String FINAL_ANSWER = "answer__final_answer";
    /** The tools the script calls, in order (the final answer is the agent's own). */
    public static final List<String> READS = List.of(POD_LOGS, ROLLOUT_HISTORY);

    /** What the script reports as the call's tokens: counted for real once, looked up afterwards. */
    @FunctionalInterface
    public interface Usage {
        TokenUsage of(int call, ChatRequest request, AiMessage reply);
    }

    /** One call: what the agent sent, what the script answered, and when {@code doChat} was entered and left. */
    public record Call(ChatRequest request, AiMessage reply, long enteredNanos, long leftNanos) {
        public long nanos() {
            return leftNanos - enteredNanos;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String namespace;
    private final String deployment;
    private final int goodRevision;
    private final Usage usage;
    private final Pattern podName;
    private final List<Call> calls = new ArrayList<>();
    private String failure;

    /**
     * @param goodRevision the revision to return to; the rollout history read in step 2 must show it
     * @param usage the tokens each answer reports, as a provider's {@code usage} would
     */
    public ScriptedInvestigation(String namespace, String deployment, int goodRevision, Usage usage) {
        this.namespace = namespace;
        this.deployment = deployment;
        this.goodRevision = goodRevision;
        this.usage = usage;
        this.podName = Pattern.compile("\\b" + Pattern.quote(deployment) + "-[a-z0-9]{6,10}-[a-z0-9]{5}\\b");
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        long entered = System.nanoTime();
        int call = calls.size() + 1;
        AiMessage reply;
        try {
            reply = switch (call) {
                case 1 -> call(request, POD_LOGS, podLogsArguments(request));
                case 2 -> {
                    expectResult(request, POD_LOGS, "OutOfMemoryError");
                    yield call(request, ROLLOUT_HISTORY, arguments().put("name", deployment));
                }
                case 3 -> {
                    expectResult(request, ROLLOUT_HISTORY, "\"revision\":" + goodRevision);
                    yield call(request, FINAL_ANSWER, finalAnswer());
                }
                default -> throw fail("the script has 3 steps; the agent asked for a call " + call);
            };
        } catch (IllegalStateException e) {
            calls.add(new Call(request, null, entered, System.nanoTime()));
            throw e;
        }
        TokenUsage tokens = usage.of(call, request, reply);
        ChatResponse response = ChatResponse.builder()
                .aiMessage(reply)
                .tokenUsage(tokens)
                .finishReason(FinishReason.TOOL_EXECUTION)
                .build();
        calls.add(new Call(request, reply, entered, System.nanoTime()));
        return response;
    }

    /** Starts the script over for the next agent run. */
    public void reset() {
        calls.clear();
        failure = null;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Why the script stopped the run, or null when it played to the end. */
    public String failure() {
        return failure;
    }

    private ObjectNode podLogsArguments(ChatRequest request) {
        String evidence = text(request.messages().get(1));
        Matcher pod = podName.matcher(evidence.substring(Math.max(0, evidence.indexOf("OOMKilled"))));
        if (!pod.find() && !(pod = podName.matcher(evidence)).find()) {
            throw fail("triage's evidence names no pod of " + deployment + " to read the log of");
        }
        return arguments().put("pod", pod.group()).put("previous", true);
    }

    private ObjectNode arguments() {
        return JSON.createObjectNode().put("namespace", namespace);
    }

    private void expectResult(ChatRequest request, String tool, String needed) {
        ChatMessage last = request.messages().getLast();
        if (!(last instanceof ToolExecutionResultMessage result)
                || !result.toolName().equals(catalogOf(tool))
                || !result.text().contains("source=\"" + tool.replace("__", ".") + "\"")) {
            throw fail("expected the result of " + tool + " last, got " + last.type());
        }
        if (!result.text().contains(needed)) {
            throw fail(tool + " returned no '" + needed + "': " + abbreviate(result.text()));
        }
    }

    private String finalAnswer() {
        ObjectNode answer = JSON.createObjectNode()
                .put(
                        "answer",
                        "*Cause:* " + deployment + " is OOMKilled: revision 42 (rolled out at 02:31) cut the"
                                + " container memory limit from 512Mi to 128Mi, and from 02:33 the JVMs die with"
                                + " `java.lang.OutOfMemoryError: Java heap space` (previous container log). Two of three"
                                + " pods are in CrashLoopBackOff, so about a fifth of requests fail with 5xx.\n"
                                + "*Fix:* roll back to revision " + goodRevision + " (512Mi).\n"
                                + "*Not checked:* whether anything besides the limit changed in revision 42.")
                .put("confidence", 0.9);
        answer.putArray("proposals")
                .addObject()
                .put("action", "kubernetes.rollback")
                .put("target", "Deployment/" + namespace + "/" + deployment)
                .put("reason", "revision " + goodRevision + " ran with 512Mi and no OOM kills")
                .putObject("params")
                .put("toRevision", goodRevision);
        return answer.toString();
    }

    private AiMessage call(ChatRequest request, String tool, ObjectNode arguments) {
        return call(request, tool, arguments.toString());
    }

    /**
     * Calls {@code tool} ({@code kubernetes__pod_logs}) the way the agent offers reads: through its source's catalog
     * tool ({@code kubernetes__read}, {@code {"tool": "pod_logs", "arguments": {...}}}); the final answer directly.
     */
    private AiMessage call(ChatRequest request, String tool, String arguments) {
        List<String> offered = request.toolSpecifications().stream()
                .map(ToolSpecification::name)
                .toList();
        String name = tool;
        String sent = arguments;
        if (!tool.equals(FINAL_ANSWER)) {
            name = catalogOf(tool);
            String read = tool.substring(tool.indexOf("__") + 2);
            boolean listed = request.toolSpecifications().stream()
                    .anyMatch(spec -> spec.name().equals(catalogOf(tool))
                            && spec.description().contains("- " + read + "("));
            if (!listed) {
                throw fail("the script calls " + tool + ", which the agent did not offer in call " + (calls.size() + 1)
                        + "; offered: " + offered);
            }
            ObjectNode wrapped = JSON.createObjectNode().put("tool", read);
            try {
                wrapped.set("arguments", JSON.readTree(arguments));
            } catch (Exception e) {
                throw fail("the script's own arguments for " + tool + " are not JSON: " + arguments);
            }
            sent = wrapped.toString();
        } else if (!offered.contains(tool)) {
            throw fail("the agent did not offer " + tool + " in call " + (calls.size() + 1) + "; offered: " + offered);
        }
        return AiMessage.from(ToolExecutionRequest.builder()
                .id("call_" + (calls.size() + 1))
                .name(name)
                .arguments(sent)
                .build());
    }

    private static String catalogOf(String tool) {
        return tool.substring(0, tool.indexOf("__")) + "__read";
    }

    private IllegalStateException fail(String why) {
        failure = why;
        return new IllegalStateException(why);
    }

    private static String text(ChatMessage message) {
        return message instanceof UserMessage user ? user.singleText() : String.valueOf(message);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
