package dev.opsbot.core.redaction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.core.redaction.internal.Catalog;
import dev.opsbot.core.redaction.internal.Entropy;
import dev.opsbot.core.redaction.internal.KeywordIndex;
import dev.opsbot.core.redaction.internal.Scan;
import dev.opsbot.core.redaction.internal.Structured;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces secrets with placeholders ({@code [[secret:github-token:3f9a1c0b]]}) before text reaches a model, a chat
 * or the audit log. One pass over the text finds every detector's keywords (Aho-Corasick); each detector then looks
 * only where its keyword is. Placeholders already in the text are left alone, so redacting twice changes nothing.
 *
 * <p>Immutable and thread-safe; {@link #standard()} is shared. The vault decides the placeholders: pass the
 * conversation's, so that the same secret reads the same everywhere in it. docs/redaction.md lists the detectors.
 */
public final class Redactor {
    private static final Redactor STANDARD = new Redactor(Catalog.all());
    private static final String CUT = "…";
    private static final int MIN_CUT_TOKEN = 16;

    private final List<Detector> detectors;
    private final KeywordIndex index;
    /** For each keyword: the detectors it wakes, by index into {@link #detectors}; -1 is "a placeholder starts". */
    private final int[][] wakes;

    private Redactor(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
        Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
        byKeyword.put(Placeholder.OPEN, new ArrayList<>(List.of(-1)));
        for (int d = 0; d < this.detectors.size(); d++) {
            Detector detector = this.detectors.get(d);
            if (detector.keywords().isEmpty()) {
                throw new IllegalArgumentException(
                        detector + " has no keywords: every detector needs a literal to be found by");
            }
            for (String keyword : new LinkedHashSet<>(detector.keywords())) {
                byKeyword.computeIfAbsent(keyword, k -> new ArrayList<>()).add(d);
            }
        }
        this.index = new KeywordIndex(List.copyOf(byKeyword.keySet()));
        this.wakes = byKeyword.values().stream()
                .map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    /** Every detector opsbot ships. */
    public static Redactor standard() {
        return STANDARD;
    }

    /** A redactor with only {@code detectors} (tests, or a narrower redaction). */
    public static Redactor of(List<Detector> detectors) {
        return new Redactor(detectors);
    }

    /** This redactor with {@code more} detectors after its own. */
    public Redactor with(Detector... more) {
        List<Detector> all = new ArrayList<>(detectors);
        all.addAll(List.of(more));
        return new Redactor(all);
    }

    /** Every type of secret this redactor reports, in catalogue order. */
    public Set<String> types() {
        Set<String> types = new LinkedHashSet<>();
        detectors.forEach(d -> types.addAll(d.types()));
        types.add("truncated-secret");
        return types;
    }

    /** {@code text} with every secret replaced by its placeholder from {@code vault}; the same string when none. */
    public String redact(String text, Vault vault) {
        Objects.requireNonNull(vault, "vault");
        if (text == null || text.isEmpty()) {
            return text;
        }
        Scan scan = scan(text);
        return scan.isEmpty() ? text : scan.render(vault);
    }

    /**
     * Like {@link #redact(String, Vault)} for text cut short (ending in {@code …}, as samples are): a token cut in
     * half no longer matches its detector, so a last word that looks machine-made (16 characters or more) is replaced
     * too, as a {@code truncated-secret}.
     */
    public String redactCut(String text, Vault vault) {
        String redacted = redact(text, vault);
        if (redacted == null || !redacted.endsWith(CUT)) {
            return redacted;
        }
        int end = redacted.length() - CUT.length();
        int start = end;
        while (start > 0 && isTokenChar(redacted.charAt(start - 1))) {
            start--;
        }
        String word = redacted.substring(start, end);
        if (word.length() < MIN_CUT_TOKEN || !Entropy.looksRandom(word) || Placeholder.within(word)) {
            return redacted;
        }
        return redacted.substring(0, start) + vault.placeholder("truncated-secret", word) + CUT;
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '+' || c == '/' || c == '=' || c == '.';
    }

    /**
     * A copy of {@code value} with its secrets replaced: texts as by {@link #redact(String, Vault)}, fields whose key
     * names a secret ({@code password}, {@code client_secret}), and every value of a Kubernetes Secret's
     * {@code data}/{@code stringData}.
     */
    public JsonNode redact(JsonNode value, Vault vault) {
        return structured(vault).redact(value);
    }

    /** Like {@link #redact(JsonNode, Vault)} for maps, lists and strings (other values are returned as they are). */
    public Object redactValue(Object value, Vault vault) {
        return structured(vault).redact(value);
    }

    /** The value of a field named {@code key}: wholly replaced when the key names a secret, else redacted as text. */
    public String redactField(String key, String value, Vault vault) {
        return structured(vault).field(Objects.requireNonNull(key, "key"), value);
    }

    /** Where the secrets in {@code text} are, and of what type, without changing anything: for tests and tools. */
    public List<Found> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return scan(text).spans().stream()
                .filter(span -> span.type() != null)
                .map(span -> new Found(span.type(), span.start(), span.end()))
                .toList();
    }

    /** A secret found by {@link #find}: its type and where it is ({@code [start, end)}). */
    public record Found(String type, int start, int end) {}

    private Scan scan(String text) {
        Scan scan = new Scan(text, detectors.size());
        index.scan(text, (keyword, start) -> {
            for (int d : wakes[keyword]) {
                if (d < 0) {
                    int end = Placeholder.endAt(text, start);
                    if (end > 0) {
                        scan.keep(start, end);
                    }
                } else if (scan.enter(d, start)) {
                    detectors.get(d).detect(text, start, index.keyword(keyword), scan);
                }
            }
        });
        return scan;
    }

    private Structured structured(Vault vault) {
        Objects.requireNonNull(vault, "vault");
        return new Structured(
                text -> redact(text, vault),
                (type, secret) -> secret.isEmpty() ? secret : vault.placeholder(type, secret));
    }

    @Override
    public String toString() {
        return "Redactor[" + detectors.size() + " detectors, " + types().size() + " types]";
    }
}
