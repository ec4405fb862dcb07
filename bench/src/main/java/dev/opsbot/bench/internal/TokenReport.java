package dev.opsbot.bench.internal;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.opsbot.bench.internal.PromptTokens.Count;
import dev.opsbot.bench.internal.PromptTokens.Part;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints where the input tokens of one agent run went: per call, by kind over the run, per tool spec and result. */
public final class TokenReport {
    private final List<ScriptedInvestigation.Call> calls;
    private final List<Count> counts = new ArrayList<>();

    public TokenReport(List<ScriptedInvestigation.Call> calls) {
        this.calls = List.copyOf(calls);
        this.calls.forEach(c -> counts.add(PromptTokens.count(c.request())));
    }

    public int calls() {
        return calls.size();
    }

    public int input() {
        return counts.stream().mapToInt(Count::total).sum();
    }

    public int input(int call) {
        return counts.get(call - 1).total();
    }

    public int output() {
        return calls.stream()
                .mapToInt(c -> c.reply() == null ? 0 : PromptTokens.output(c.reply()))
                .sum();
    }

    public void print() {
        System.out.printf(
                Locale.ROOT,
                "  input tokens per model call (o200k_base via jtokkit; framing = %d per message + %d):%n",
                PromptTokens.PER_MESSAGE,
                PromptTokens.REPLY_PRIMING);
        for (int i = 0; i < calls.size(); i++) {
            Count count = counts.get(i);
            ScriptedInvestigation.Call call = calls.get(i);
            System.out.printf(
                    Locale.ROOT,
                    "    call %d: %,6d in (%d messages, %d tools) -> %s, %d out: %s%n",
                    i + 1,
                    count.total(),
                    call.request().messages().size(),
                    call.request().toolSpecifications().size(),
                    call.reply() == null
                            ? "-"
                            : call.reply().toolExecutionRequests().getFirst().name(),
                    call.reply() == null ? 0 : PromptTokens.output(call.reply()),
                    byKind(List.of(count)).entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")));
        }
        System.out.printf(Locale.ROOT, "    total: %,d in, %,d out over %d calls%n", input(), output(), calls());
        int total = input();
        System.out.println("  where the input tokens went, over the whole run (each call re-sends all before it):");
        byKind(counts).entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf(
                        Locale.ROOT,
                        "    %-42s %,6d  %4.1f %%%n",
                        e.getKey(),
                        e.getValue(),
                        100.0 * e.getValue() / total));
        printSpecs();
        printResults();
    }

    private void printSpecs() {
        List<Part> specs = counts.getFirst().parts().stream()
                .filter(p -> p.kind().equals(PromptTokens.TOOL_SPECS))
                .sorted((a, b) -> Integer.compare(b.tokens(), a.tokens()))
                .toList();
        System.out.printf(
                Locale.ROOT,
                "  tool specs sent with call 1 (%d tools, %,d tokens; OpenAI's own tool rendering is more compact than"
                        + " this JSON): %s%n",
                specs.size(),
                specs.stream().mapToInt(Part::tokens).sum(),
                specs.stream().map(p -> p.label() + " " + p.tokens()).collect(Collectors.joining(", ")));
    }

    private void printResults() {
        var last = calls.getLast().request().messages();
        for (var message : last) {
            if (message instanceof ToolExecutionResultMessage result) {
                int tokens = PromptTokens.tokens(result.text());
                long sentIn = calls.stream()
                        .filter(c -> c.request().messages().contains(message))
                        .count();
                System.out.printf(
                        Locale.ROOT,
                        "  tool result %s: %,d characters, %,d tokens, sent in %d call%s (%,d tokens)%n",
                        result.toolName(),
                        result.text().length(),
                        tokens,
                        sentIn,
                        sentIn == 1 ? "" : "s",
                        tokens * sentIn);
            }
        }
    }

    /** Each request as counted, one file per call: its messages, then its tools as OpenAI JSON. */
    public void dump(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (int i = 0; i < calls.size(); i++) {
            StringBuilder text = new StringBuilder();
            for (ChatMessage message : calls.get(i).request().messages()) {
                text.append("=== ")
                        .append(message.type())
                        .append('\n')
                        .append(text(message))
                        .append("\n\n");
            }
            for (ToolSpecification tool : calls.get(i).request().toolSpecifications()) {
                text.append("=== TOOL\n").append(PromptTokens.wireJson(tool)).append("\n\n");
            }
            Files.writeString(directory.resolve("call-" + (i + 1) + ".txt"), text);
        }
        System.out.println("  requests written to " + directory.toAbsolutePath());
    }

    private static String text(ChatMessage message) {
        return switch (message) {
            case SystemMessage s -> s.text();
            case UserMessage u -> u.singleText();
            case AiMessage a -> String.valueOf(a.text()) + " " + a.toolExecutionRequests();
            case ToolExecutionResultMessage t -> t.text();
            default -> message.toString();
        };
    }

    private static Map<String, Integer> byKind(List<Count> counts) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        counts.forEach(c -> c.parts().forEach(p -> kinds.merge(p.kind(), p.tokens(), Integer::sum)));
        return kinds;
    }
}
