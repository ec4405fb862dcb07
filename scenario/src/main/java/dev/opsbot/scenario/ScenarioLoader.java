package dev.opsbot.scenario;

import dev.opsbot.scenario.internal.ChangesReader;
import dev.opsbot.scenario.internal.KubernetesObjectsReader;
import dev.opsbot.scenario.internal.LogsReader;
import dev.opsbot.scenario.internal.MetricsReader;
import dev.opsbot.scenario.internal.ScenarioFiles;
import dev.opsbot.scenario.internal.ScenarioHeader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a scenario directory (its format is in this module's README) into a {@link Scenario}. The directory may be
 * on disk or inside a jar (a {@link Path} of a zip file system). Everything is read and checked up front: bad input
 * is a {@link ScenarioException} naming the file, the line and what is wrong.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {}

    public static Scenario load(Path directory) {
        return load(directory, directory.toString());
    }

    /** Loads {@code directory}, naming it {@code displayName} in error messages. */
    public static Scenario load(Path directory, String displayName) {
        ScenarioFiles files = new ScenarioFiles(directory, displayName);
        Path scenarioYaml = directory.resolve("scenario.yaml");
        if (!Files.isRegularFile(scenarioYaml)) {
            throw new ScenarioException(displayName, "no scenario.yaml in this directory: is it a scenario?");
        }
        ScenarioHeader header = ScenarioHeader.read(
                scenarioYaml,
                files.display(scenarioYaml),
                ScenarioFiles.name(directory.toAbsolutePath().normalize()));
        List<HasMetadata> objects = kubernetesObjects(files, header.namespace());
        Map<LogKey, String> logs = logs(files, objects);
        ChangesReader changes = new ChangesReader(files).read();
        return new Scenario(
                header.name(),
                header.now(),
                header.question(),
                header.namespace(),
                header.service(),
                header.channel(),
                header.expectation(),
                header.description(),
                objects,
                logs,
                MetricsReader.read(files),
                changes.applications(),
                changes.runs(),
                changes.deployments());
    }

    private static List<HasMetadata> kubernetesObjects(ScenarioFiles files, String namespace) {
        KubernetesObjectsReader reader = new KubernetesObjectsReader(namespace);
        for (Path file : files.filesIn("kubernetes", Set.of(".yaml", ".yml", ".json"))) {
            reader.read(file, files.display(file));
        }
        return reader.objects();
    }

    private static Map<LogKey, String> logs(ScenarioFiles files, List<HasMetadata> objects) {
        Path logs = files.resolve("logs");
        return Files.isDirectory(logs) ? new LogsReader(objects).read(logs, files) : Map.of();
    }
}
