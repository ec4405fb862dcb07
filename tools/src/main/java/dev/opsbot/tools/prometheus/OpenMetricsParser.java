package dev.opsbot.tools.prometheus;

import dev.opsbot.tools.prometheus.promql.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads OpenMetrics text with timestamps, the format of a scenario's {@code metrics/*.om} files and of
 * {@code promtool tsdb create-blocks-from openmetrics}. Everything it accepts, promtool loads with the same series,
 * times and values; it refuses some files promtool takes, where promtool would silently lose data (samples out of
 * time order) or the file is almost certainly a mistake (a counter sample without {@code _total}).
 */
public final class OpenMetricsParser {
    private static final String EOF = "# EOF";

    private final String fileName;
    private final List<Sample> samples = new ArrayList<>();
    private final Map<Map<String, String>, long[]> lastSampleOfSeries = new HashMap<>();
    private MetricFamily family;
    private int lineNumber;

    private OpenMetricsParser(String fileName) {
        this.fileName = fileName;
    }

    /**
     * The samples of a file, in file order.
     *
     * @param fileName how messages name the file, e.g. {@code metrics/http.om}
     * @throws OpenMetricsFormatException naming the file, line and problem
     */
    public static List<Sample> parse(String fileName, String text) {
        OpenMetricsParser parser = new OpenMetricsParser(fileName);
        parser.parseText(text);
        return List.copyOf(parser.samples);
    }

    /**
     * The samples of the file at {@code file}, which must be UTF-8.
     *
     * @throws OpenMetricsFormatException naming the file, line and problem
     * @throws UncheckedIOException when the file cannot be read
     */
    public static List<Sample> read(Path file, String fileName) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
        return parse(fileName, decodeUtf8(fileName, bytes));
    }

    private void parseText(String text) {
        String[] lines = text.split("\n", -1);
        boolean endSeen = false;
        for (int i = 0; i < lines.length; i++) {
            lineNumber = i + 1;
            String line = lines[i];
            boolean finalNewline = i == lines.length - 1 && line.isEmpty();
            if (endSeen) {
                if (!finalNewline) {
                    throw problem("nothing may follow # EOF");
                }
            } else if (line.equals(EOF)) {
                endSeen = true;
            } else if (finalNewline) {
                break;
            } else {
                parseLine(line);
            }
        }
        if (!endSeen) {
            throw problem("the file does not end with # EOF (OpenMetrics requires it as the last line)");
        }
    }

    private void parseLine(String line) {
        if (line.endsWith("\r")) {
            throw problem("the line ends with a carriage return: OpenMetrics lines end with \\n alone");
        }
        if (line.isEmpty()) {
            throw problem("empty line: OpenMetrics allows none before # EOF");
        }
        if (line.startsWith("#")) {
            metadata(line);
        } else {
            sample(line);
        }
    }

    /** {@code # HELP name text}, {@code # TYPE name type} or {@code # UNIT name unit}; no other comments exist. */
    private void metadata(String line) {
        String[] parts = line.split(" ", 4);
        if (parts.length < 2
                || !parts[0].equals("#")
                || !List.of("HELP", "TYPE", "UNIT").contains(parts[1])) {
            throw problem("a line starting with # must be # HELP, # TYPE, # UNIT or # EOF (OpenMetrics has no"
                    + " free comments)");
        }
        String keyword = parts[1];
        if (parts.length < 3 || !parts[2].matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw problem("expected a metric name after # " + keyword);
        }
        String name = parts[2];
        if (parts.length < 4) {
            throw problem("expected text after # " + keyword + " " + name);
        }
        String text = parts[3];
        if (family == null || !family.name().equals(name)) {
            family = MetricFamily.untyped(name);
        }
        switch (keyword) {
            case "TYPE" -> {
                if (!MetricFamily.TYPES.contains(text)) {
                    throw problem("unknown metric type \"" + text + "\" (expected "
                            + String.join(", ", MetricFamily.TYPES) + ")");
                }
                family = new MetricFamily(name, text);
                String declarationProblem = family.declarationProblem();
                if (declarationProblem != null) {
                    throw problem(declarationProblem);
                }
            }
            case "UNIT" -> {
                if (!text.isEmpty() && !name.endsWith("_" + text)) {
                    throw problem(
                            "the unit " + text + " must be the suffix of the metric name (" + name + "_" + text + ")");
                }
            }
            default -> {}
        }
    }

    private void sample(String line) {
        SampleLine parsed;
        try {
            parsed = SampleLine.parse(line);
        } catch (SampleLine.Problem e) {
            throw problem(e.getMessage());
        }
        if (family == null || !family.owns(parsed.name())) {
            family = MetricFamily.untyped(parsed.name());
        }
        String familyProblem = family.sampleProblem(parsed.name(), parsed.labels());
        if (familyProblem != null) {
            throw problem(familyProblem);
        }
        Map<String, String> labels = new TreeMap<>();
        parsed.labels().forEach((name, value) -> {
            if (!value.isEmpty()) {
                labels.put(name, value);
            }
        });
        labels.put(Sample.METRIC_NAME, parsed.name());
        checkTimeOrder(labels, parsed.timestampMillis());
        samples.add(new Sample(labels, parsed.timestampMillis(), parsed.value()));
    }

    /** promtool keeps only the first of two samples out of time order, silently; refuse rather than disagree. */
    private void checkTimeOrder(Map<String, String> labels, long timestamp) {
        long[] previous = lastSampleOfSeries.get(labels);
        if (previous != null && timestamp <= previous[0]) {
            throw problem("this sample of " + Labels.of(labels) + " at " + Instant.ofEpochMilli(timestamp)
                    + " is not later than the one on line " + previous[1] + " at " + Instant.ofEpochMilli(previous[0])
                    + ": each series' samples must be in increasing time order");
        }
        lastSampleOfSeries.put(labels, new long[] {timestamp, lineNumber});
    }

    private OpenMetricsFormatException problem(String message) {
        return new OpenMetricsFormatException(fileName, lineNumber, message);
    }

    /** Decodes line by line, so that invalid UTF-8 is reported with its line number. */
    private static String decodeUtf8(String fileName, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder text = new StringBuilder(bytes.length);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    text.append(decoder.decode(ByteBuffer.wrap(bytes, start, i - start)));
                } catch (CharacterCodingException e) {
                    throw new OpenMetricsFormatException(fileName, line, "the line is not valid UTF-8");
                }
                if (i < bytes.length) {
                    text.append('\n');
                }
                start = i + 1;
                line++;
            }
        }
        return text.toString();
    }
}
