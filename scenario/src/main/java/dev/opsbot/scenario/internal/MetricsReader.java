package dev.opsbot.scenario.internal;

import dev.opsbot.scenario.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads metrics/*.om into texts by file name, checking that each parses as OpenMetrics. */
public final class MetricsReader {
    private MetricsReader() {}

    public static Map<String, String> read(ScenarioFiles files) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path file : files.filesIn("metrics", Set.of(".om"))) {
            String text = readText(file, files.display(file));
            MetricsCheck.parse(text, files.display(file));
            texts.put(ScenarioFiles.name(file), text);
        }
        return texts;
    }

    private static String readText(Path file, String displayName) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(displayName, "cannot be read as UTF-8 text: " + e.getMessage());
        }
    }
}
