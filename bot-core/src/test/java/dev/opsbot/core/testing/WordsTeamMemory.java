package dev.opsbot.core.testing;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.memory.Recalled;
import dev.opsbot.core.memory.TeamMemory;
import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Team memory in a list, for tests of our own code: ids {@code m-000001}, ..., redacted like the real one, and recall
 * by the cosine of word counts (words of three letters or more), so a memory sharing a question's words is similar
 * and one sharing none is not. Counts uses and keeps one vote per person.
 */
public final class WordsTeamMemory implements TeamMemory {
    private final List<MemoryItem> items = new ArrayList<>();
    private final Map<String, Map<String, Integer>> votes = new HashMap<>();
    private RuntimeException failure;

    /** Every later call fails with {@code failure} (the model not loaded, the database away); null heals it. */
    public synchronized void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public synchronized List<MemoryItem> items() {
        return List.copyOf(items);
    }

    @Override
    public synchronized MemoryItem remember(MemoryKind kind, String text, MemoryScope scope, MemorySource source) {
        fail();
        MemoryItem item = new MemoryItem(
                "m-%06d".formatted(items.size() + 1),
                kind,
                Redactor.standard().redact(text.strip(), Vault.create()),
                scope,
                source,
                0,
                0,
                0);
        items.add(item);
        return item;
    }

    @Override
    public synchronized Optional<MemoryItem> forget(String id, String team) {
        fail();
        Optional<MemoryItem> found = find(id).filter(m -> m.scope().team().equals(team));
        found.ifPresent(items::remove);
        return found;
    }

    @Override
    public synchronized List<MemoryItem> list(String team, String service, int limit) {
        fail();
        return items.reversed().stream()
                .filter(m -> m.scope().team().equals(team))
                .filter(m -> service == null || service.equals(m.scope().service()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Recalled> recall(String question, MemoryScope scope, int k) {
        fail();
        Map<String, Integer> asked = words(question);
        return items.stream()
                .filter(m -> m.scope().appliesTo(scope))
                .map(m -> {
                    double similarity = cosine(asked, words(m.text()));
                    return new Recalled(m, similarity, similarity);
                })
                .sorted(Comparator.comparingDouble(Recalled::score).reversed())
                .limit(k)
                .toList();
    }

    @Override
    public synchronized void cited(List<String> ids) {
        fail();
        for (String id : ids) {
            find(id).ifPresent(m -> replace(m.withUsage(m.uses() + 1, m.upVotes(), m.downVotes())));
        }
    }

    @Override
    public synchronized boolean vote(String id, String voter, int vote) {
        fail();
        Optional<MemoryItem> item = find(id);
        if (item.isEmpty()) {
            return false;
        }
        Map<String, Integer> standing = votes.computeIfAbsent(id, i -> new HashMap<>());
        if (vote == 0) {
            standing.remove(voter);
        } else {
            standing.put(voter, vote);
        }
        int up = (int) standing.values().stream().filter(v -> v > 0).count();
        int down = (int) standing.values().stream().filter(v -> v < 0).count();
        replace(item.get().withUsage(item.get().uses(), up, down));
        return true;
    }

    public synchronized Optional<MemoryItem> find(String id) {
        return items.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private void replace(MemoryItem item) {
        items.replaceAll(m -> m.id().equals(item.id()) ? item : m);
    }

    private void fail() {
        if (failure != null) {
            throw failure;
        }
    }

    private static final Set<String> STOP = Set.of("the", "and", "why", "what", "how", "for", "was", "are", "with");

    static Map<String, Integer> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(w -> w.length() >= 3 && !STOP.contains(w))
                .collect(Collectors.toMap(w -> w, w -> 1, Integer::sum));
    }

    static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
        double dot = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            dot += e.getValue() * b.getOrDefault(e.getKey(), 0);
        }
        double norms = Math.sqrt(a.values().stream().mapToDouble(v -> v * v).sum())
                * Math.sqrt(b.values().stream().mapToDouble(v -> v * v).sum());
        return norms == 0 ? 0 : dot / norms;
    }
}
