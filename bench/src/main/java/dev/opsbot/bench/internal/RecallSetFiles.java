package dev.opsbot.bench.internal;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The memory module's recall set, read from the checkout ({@code memory/src/test/resources/recall/}): memories with
 * the questions they answer, and the distractors among which they must be found.
 */
public record RecallSetFiles(List<MemoryItem> memories, List<Question> questions) {
    public static final Path DIRECTORY = Path.of("memory", "src", "test", "resources", "recall");

    /** A question and the id of the memory that answers it. */
    public record Question(String text, String answer) {}

    public static RecallSetFiles load(Path root, String team, Instant at) throws IOException {
        List<MemoryItem> memories = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        for (String[] row : rows(root.resolve(DIRECTORY).resolve("paraphrases.tsv"))) {
            memories.add(item(row[0], row[1], row[2], row[3], team, at));
            for (int q = 4; q < row.length; q++) {
                if (!row[q].isBlank()) {
                    questions.add(new Question(row[q], row[0]));
                }
            }
        }
        int distractor = 0;
        for (String[] row : rows(root.resolve(DIRECTORY).resolve("distractors.tsv"))) {
            memories.add(item("d" + ++distractor, row[0], row[1], row[2], team, at));
        }
        return new RecallSetFiles(List.copyOf(memories), List.copyOf(questions));
    }

    private static MemoryItem item(String id, String kind, String service, String text, String team, Instant at) {
        return new MemoryItem(
                id,
                MemoryKind.fromJson(kind),
                text,
                new MemoryScope(team, service, null),
                new MemorySource(team + "/1700000000.000100", null, "sre@example.com", "#sre", at),
                0,
                0,
                0);
    }

    private static List<String[]> rows(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " not found: run the driver from the repository root");
        }
        return Files.readAllLines(file).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .peek(row -> {
                    if (row.length < 3) {
                        throw new IllegalStateException(file + ": too few columns: " + Arrays.toString(row));
                    }
                })
                .toList();
    }
}
