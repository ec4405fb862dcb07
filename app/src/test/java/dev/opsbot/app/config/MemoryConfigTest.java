package dev.opsbot.app.config;

import static dev.opsbot.app.config.ConfigFixtures.loadYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Team memory's settings under {@code memory:}. */
class MemoryConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreNoRunbooksHalfAnHourToObjectAndCitingAt045() {
        MemoryConfig memory = loadYaml(dir, "memory: {}").memory();

        assertThat(memory).isEqualTo(MemoryConfig.defaults());
        assertThat(memory.runbooks()).isNull();
        assertThat(memory.objectionWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(memory.citeSimilarity()).isEqualTo(0.45);
        assertThat(memory.demoRunbooks()).isFalse();
    }

    @Test
    void everyKeyIsReadFromTheFile() {
        MemoryConfig memory = loadYaml(dir, """
                        memory:
                          runbooks: ./team-runbooks
                          objectionWindow: 2h
                          citeSimilarity: 0.6
                        """).memory();

        assertThat(memory.runbooks()).isEqualTo(Path.of("./team-runbooks"));
        assertThat(memory.objectionWindow()).isEqualTo(Duration.ofHours(2));
        assertThat(memory.citeSimilarity()).isEqualTo(0.6);
    }

    @Test
    void theDemosRunbooksGiveWayToAConfiguredFolder() {
        assertThat(MemoryConfig.defaults().withDemoRunbooks().demoRunbooks()).isTrue();
        assertThat(loadYaml(dir, "memory: {runbooks: ./rb}")
                        .memory()
                        .withDemoRunbooks()
                        .demoRunbooks())
                .isFalse();
    }

    @Test
    void aSimilarityOutsideItsRangeOrNotANumberIsRefusedWithTheKey() {
        assertThatThrownBy(() -> loadYaml(dir, "memory: {citeSimilarity: 0.99}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("memory.citeSimilarity")
                .hasMessageContaining("0.2 to 0.95");
        assertThatThrownBy(() -> loadYaml(dir, "memory: {citeSimilarity: high}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("memory.citeSimilarity")
                .hasMessageContaining("is not a number");
    }

    @Test
    void anObjectionWindowOutsideItsRangeAndAnUnknownKeyAreRefused() {
        assertThatThrownBy(() -> loadYaml(dir, "memory: {objectionWindow: 10s}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("memory.objectionWindow");
        assertThatThrownBy(() -> loadYaml(dir, "memory: {runbook: ./rb}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("memory.runbook");
    }
}
