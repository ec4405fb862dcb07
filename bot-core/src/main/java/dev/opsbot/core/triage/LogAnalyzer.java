package dev.opsbot.core.triage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw container log lines into a few {@link LogSignature}s: error lines only, grouped by their masked shape,
 * counted, sorted by count. This is how "12,000 lines of log" becomes "4,211 x connection refused: payments".
 */
public final class LogAnalyzer {
    private static final Pattern LEADING_TIME =
            Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2}))\\s*");
    private static final Pattern BASIC_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern UUID =
            Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final Pattern IP = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b");
    private static final Pattern HEX = Pattern.compile("\\b(?=[0-9a-f]*\\d)[0-9a-f]{8,}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:\\.\\d+)?(?=\\b|ms|s\\b)");
    private static final int SIGNATURE_LENGTH = 160;
    private static final int SAMPLE_LENGTH = 300;

    private LogAnalyzer() {}

    /** Splits a leading RFC 3339 time off a raw line (what {@code kubectl logs --timestamps} and most apps print). */
    public static LogLine parse(String pod, String container, String raw) {
        Matcher matcher = LEADING_TIME.matcher(raw);
        if (matcher.find()) {
            try {
                // "+0200" is accepted by LEADING_TIME but not by OffsetDateTime: give it its colon
                String time =
                        BASIC_OFFSET.matcher(matcher.group(1).replace(' ', 'T')).replaceFirst("$1:$2");
                Instant at = OffsetDateTime.parse(time).toInstant();
                return new LogLine(at, pod, container, raw.substring(matcher.end()));
            } catch (DateTimeParseException notATime) {
                // fall through: keep the line whole
            }
        }
        return new LogLine(null, pod, container, raw);
    }

    /**
     * The error signatures among {@code lines} that fall inside [{@code from}, {@code to}] (lines without a time are
     * kept), most frequent first, at most {@code limit}.
     */
    public static List<LogSignature> signatures(
            String source, List<LogLine> lines, Instant from, Instant to, int limit) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (LogLine line : lines) {
            if (line.at() != null && (line.at().isBefore(from) || line.at().isAfter(to))) {
                continue;
            }
            String lower = line.text().toLowerCase(Locale.ROOT);
            if (!LogPatterns.looksLikeError(lower)) {
                continue;
            }
            String signature = mask(lower);
            // masking turns "returned 429" and "returned 503" into one text: the category keeps them apart
            String key = LogPatterns.categorize(lower) + "|" + signature;
            groups.computeIfAbsent(key, k -> new Group(signature, lower)).add(line);
        }
        return groups.values().stream()
                .sorted(Comparator.comparingInt((Group g) -> g.count).reversed())
                .limit(limit)
                .map(group -> group.toSignature(source))
                .toList();
    }

    static String mask(String lowerCaseText) {
        String masked = UUID.matcher(lowerCaseText).replaceAll("<id>");
        masked = IP.matcher(masked).replaceAll("<ip>");
        masked = HEX.matcher(masked).replaceAll("<hex>");
        masked = NUMBER.matcher(masked).replaceAll("<n>");
        masked = masked.replaceAll("\\s+", " ").strip();
        return masked.length() > SIGNATURE_LENGTH ? masked.substring(0, SIGNATURE_LENGTH) + "…" : masked;
    }

    private static final class Group {
        private final String signature;
        private final LogCategory category;
        private final String downstream;
        private final TreeSet<String> pods = new TreeSet<>();
        private int count;
        private Instant first;
        private Instant last;
        private String sample;

        Group(String signature, String lowerCaseText) {
            this.signature = signature;
            this.category = LogPatterns.categorize(lowerCaseText);
            this.downstream = LogPatterns.downstream(lowerCaseText).orElse("");
        }

        void add(LogLine line) {
            count++;
            pods.add(line.pod());
            if (sample == null) {
                sample = line.text().length() > SAMPLE_LENGTH
                        ? line.text().substring(0, SAMPLE_LENGTH) + "…"
                        : line.text();
            }
            if (line.at() != null) {
                first = first == null || line.at().isBefore(first) ? line.at() : first;
                last = last == null || line.at().isAfter(last) ? line.at() : last;
            }
        }

        LogSignature toSignature(String source) {
            return new LogSignature(source, category, signature, downstream, count, first, last, sample, pods);
        }
    }

    /** For sources that already hold parsed lines per pod: a convenience to parse a whole log text. */
    public static List<LogLine> parseAll(String pod, String container, String text) {
        List<LogLine> lines = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            if (!raw.isBlank()) {
                lines.add(parse(pod, container, raw));
            }
        }
        return lines;
    }
}
