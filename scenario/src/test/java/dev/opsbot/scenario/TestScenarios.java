package dev.opsbot.scenario;

import java.nio.file.Path;

/** The fixture scenarios of this module's tests. */
final class TestScenarios {
    static final Path MINI = Path.of("src/test/resources/scenarios/mini");

    private TestScenarios() {}

    static Scenario mini() {
        return ScenarioLoader.load(MINI);
    }
}
