package dev.opsbot.tools.cloudwatch;

import dev.opsbot.core.triage.LogAnalyzer;
import dev.opsbot.core.triage.LogLine;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/**
 * Logs Insights result rows as {@link LogLine}s. Fluent Bit (Container Insights) ships the container's line in
 * {@code log} and the pod in {@code kubernetes.pod_name}; plain log groups have only {@code @message} and
 * {@code @logStream}. {@code @timestamp} is UTC, written {@code 2026-03-10 02:33:10.123}.
 */
final class LogRows {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private LogRows() {}

    static List<LogLine> lines(List<List<ResultField>> rows) {
        List<LogLine> lines = new ArrayList<>();
        for (List<ResultField> row : rows) {
            Map<String, String> fields = new HashMap<>();
            for (ResultField field : row) {
                if (field.field() != null && field.value() != null) {
                    fields.put(field.field(), field.value());
                }
            }
            String text = first(fields, "log", "@message");
            if (text.isBlank()) {
                continue;
            }
            String pod = first(fields, "kubernetes.pod_name", "@logStream");
            String container = first(fields, "kubernetes.container_name");
            LogLine parsed = LogAnalyzer.parse(pod.isEmpty() ? "unknown" : pod, container, text.strip());
            Instant at = timestamp(fields.getOrDefault("@timestamp", ""));
            lines.add(new LogLine(at != null ? at : parsed.at(), parsed.pod(), container, parsed.text()));
        }
        lines.sort(Comparator.comparing(LogLine::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return lines;
    }

    static Instant timestamp(String value) {
        try {
            return LocalDateTime.parse(value, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }

    private static String first(Map<String, String> fields, String... names) {
        for (String name : names) {
            String value = fields.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}
