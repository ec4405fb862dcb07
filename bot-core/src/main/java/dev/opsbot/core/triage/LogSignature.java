package dev.opsbot.core.triage;

import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Log errors grouped by shape: numbers, ids and addresses are masked so that ten thousand timeouts are one line
 * with a count.
 *
 * @param signature the masked message ({@code connection refused: payments.shop.svc:<n>})
 * @param downstream the service or host the errors name, or empty ({@code payments}, {@code api.stripe.com})
 * @param first first occurrence with a time, or null when no line had one
 * @param last last occurrence with a time, or null
 * @param sample one real line, shortened
 * @param pods the pods it came from
 */
public record LogSignature(
        String source,
        LogCategory category,
        String signature,
        String downstream,
        int count,
        Instant first,
        Instant last,
        String sample,
        Set<String> pods) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[\\[secret:[a-z0-9-]+:[a-z0-9]+]]");

    public LogSignature {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(signature, "signature");
        downstream = downstream == null ? "" : downstream;
        Objects.requireNonNull(sample, "sample");
        pods = Set.copyOf(new TreeSet<>(pods));
    }

    /**
     * This signature with its secrets replaced by placeholders from {@code vault}. The sample keeps its case, so the
     * detectors see tokens as they were; the signature is the sample lower-cased and masked, so a secret found in the
     * sample is replaced there by its lower-case spelling, and when masking has altered it beyond recognition the
     * signature is made again from the redacted sample. A sample cut short loses its last word if that looks like the
     * start of a token.
     */
    public LogSignature redacted(Redactor redactor, Vault vault) {
        String cleanSample = redactor.redactCut(sample, vault);
        // the sample's secrets first, by their lower-case spelling: redacting that spelling would give it a
        // placeholder of its own
        String cleanSignature = signature;
        boolean altered = false;
        for (Redactor.Found found : redactor.find(sample)) {
            String secret = sample.substring(found.start(), found.end());
            String lower = secret.toLowerCase(Locale.ROOT);
            if (cleanSignature.contains(lower)) {
                cleanSignature = cleanSignature.replace(lower, vault.placeholder(found.type(), secret));
            } else {
                altered = true;
            }
        }
        cleanSignature = redactor.redact(cleanSignature, vault);
        if (altered) {
            String whole = cleanSample.endsWith("…") ? cleanSample.substring(0, cleanSample.length() - 1) : cleanSample;
            cleanSignature = maskKeepingPlaceholders(whole);
        }
        if (cleanSample.equals(sample) && cleanSignature.equals(signature)) {
            return this;
        }
        return new LogSignature(source, category, cleanSignature, downstream, count, first, last, cleanSample, pods);
    }

    /**
     * The signature of {@code text} as {@link LogAnalyzer} makes it, but with its placeholders intact: masking would
     * take their hex ids for numbers. Each is swapped for a marker masking leaves alone (private-use brackets around
     * letters g-z), and swapped back after; one cut off by the signature's length limit is dropped.
     */
    private static String maskKeepingPlaceholders(String text) {
        List<String> placeholders = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder marked = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(marked, Matcher.quoteReplacement(marker(placeholders.size())));
            placeholders.add(m.group());
        }
        m.appendTail(marked);
        String masked = LogAnalyzer.mask(marked.toString().toLowerCase(Locale.ROOT));
        for (int i = 0; i < placeholders.size(); i++) {
            masked = masked.replace(marker(i), placeholders.get(i));
        }
        return masked.replaceAll("\uE000[g-z]*\u2026?$", "…");
    }

    private static String marker(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index; ; i /= 20) {
            letters.append((char) ('g' + i % 20));
            if (i < 20) {
                break;
            }
        }
        return "\uE000" + letters + "\uE001";
    }
}
