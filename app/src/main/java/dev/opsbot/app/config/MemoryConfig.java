package dev.opsbot.app.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Team memory: what opsbot learns in threads, and the team's runbooks.
 *
 * @param runbooks a folder of markdown runbooks, searched like memories and cited by file and heading; null for none
 * @param objectionWindow how long after a resolved thread's memory is proposed a :x: still takes it back, 1m to 24h
 * @param citeSimilarity how close (cosine, 0.2 to 0.95) a memory or runbook section must be to the question to be
 *     cited in an answer
 * @param demoRunbooks the runbooks bundled with opsbot when {@code runbooks} is not set: {@code opsbot demo} turns
 *     this on; it is not a configuration key
 */
public record MemoryConfig(Path runbooks, Duration objectionWindow, double citeSimilarity, boolean demoRunbooks) {
    public static final Duration DEFAULT_OBJECTION_WINDOW = Duration.ofMinutes(30);
    public static final double DEFAULT_CITE_SIMILARITY = 0.45;
    static final DurationRule OBJECTION_WINDOW = new DurationRule(Duration.ofMinutes(1), Duration.ofHours(24));

    public MemoryConfig {
        objectionWindow = OBJECTION_WINDOW.check("memory.objectionWindow", objectionWindow);
        if (!(citeSimilarity >= 0.2 && citeSimilarity <= 0.95)) {
            throw new ConfigException(
                    "memory.citeSimilarity",
                    String.valueOf(citeSimilarity),
                    "is outside 0.2 to 0.95",
                    "0.45 cites what is about the question; higher cites less");
        }
    }

    public static MemoryConfig defaults() {
        return new MemoryConfig(null, DEFAULT_OBJECTION_WINDOW, DEFAULT_CITE_SIMILARITY, false);
    }

    /** This configuration with the bundled runbooks, unless a folder is configured ({@code opsbot demo}). */
    public MemoryConfig withDemoRunbooks() {
        return new MemoryConfig(runbooks, objectionWindow, citeSimilarity, runbooks == null);
    }

    static MemoryConfig from(ConfigNode node) {
        MemoryConfig config = new MemoryConfig(
                node.path("runbooks", null),
                node.duration("objectionWindow", DEFAULT_OBJECTION_WINDOW),
                node.decimal("citeSimilarity", DEFAULT_CITE_SIMILARITY),
                false);
        node.rejectUnknown();
        return config;
    }
}
