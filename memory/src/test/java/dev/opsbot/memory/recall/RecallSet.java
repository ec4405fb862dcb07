package dev.opsbot.memory.recall;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The paraphrase set ({@code recall/paraphrases.tsv}: memories with questions that they answer) and its distractors
 * ({@code recall/distractors.tsv}), as memories of one team.
 */
public record RecallSet(List<MemoryItem> targets, List<Question> questions, List<MemoryItem> distractors) {
    public static final String TEAM = "slack/C0SRE";

    /** A question and the id of the memory that answers it. */
    public record Question(String text, String answer) {}

    public static RecallSet load() {
        List<MemoryItem> targets = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        for (String[] row : rows("recall/paraphrases.tsv")) {
            if (row.length < 5 || row.length > 6) {
                throw new IllegalStateException("paraphrases.tsv: expected 5 or 6 columns: " + Arrays.toString(row));
            }
            targets.add(item(row[0], row[1], row[2], row[3]));
            for (int q = 4; q < row.length; q++) {
                questions.add(new Question(row[q], row[0]));
            }
        }
        List<MemoryItem> distractors = new ArrayList<>();
        for (String[] row : rows("recall/distractors.tsv")) {
            if (row.length != 3) {
                throw new IllegalStateException("distractors.tsv: expected 3 columns: " + Arrays.toString(row));
            }
            distractors.add(item("d" + (distractors.size() + 1), row[0], row[1], row[2]));
        }
        return new RecallSet(List.copyOf(targets), List.copyOf(questions), List.copyOf(distractors));
    }

    public List<MemoryItem> all() {
        List<MemoryItem> all = new ArrayList<>(targets);
        all.addAll(distractors);
        return all;
    }

    private static MemoryItem item(String id, String kind, String service, String text) {
        return new MemoryItem(
                id,
                MemoryKind.fromJson(kind),
                text,
                new MemoryScope(TEAM, service, null),
                new MemorySource("slack/C0SRE/1700000000.000100", null, "sre@example.com", "#sre", Instant.EPOCH),
                0,
                0,
                0);
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = RecallSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", -1))
                    .map(row -> row.length == 6 && row[5].isEmpty() ? Arrays.copyOf(row, 5) : row)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
