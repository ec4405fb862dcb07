package dev.opsbot.scenario.internal;

import dev.opsbot.scenario.LogKey;
import dev.opsbot.scenario.ScenarioException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads logs/&lt;namespace&gt;/&lt;pod&gt;/&lt;container&gt;.log and {@code <container>.previous.log}. Every log must
 * belong to a container of a Pod in kubernetes/: a log nobody can ask for is a mistake in the scenario.
 */
public final class LogsReader {
    private static final String PREVIOUS = ".previous.log";
    private static final String CURRENT = ".log";

    private final Map<String, Set<String>> containersByPod = new HashMap<>();

    public LogsReader(List<HasMetadata> objects) {
        for (HasMetadata object : objects) {
            if (object instanceof Pod pod && pod.getSpec() != null) {
                containersByPod.put(
                        pod.getMetadata().getNamespace() + "/"
                                + pod.getMetadata().getName(),
                        containerNames(pod));
            }
        }
    }

    public Map<LogKey, String> read(Path logs, ScenarioFiles files) {
        Map<LogKey, String> texts = new HashMap<>();
        for (Path file : regularFiles(logs, files)) {
            Path relative = logs.relativize(file);
            LogKey key = key(relative, files.display(file));
            texts.put(key, readText(file, files.display(file)));
        }
        return texts;
    }

    private LogKey key(Path relative, String displayName) {
        String fileName = relative.getFileName().toString();
        if (relative.getNameCount() != 3
                || !fileName.endsWith(CURRENT)
                || fileName.equals(CURRENT)
                || fileName.equals(PREVIOUS)) {
            throw new ScenarioException(
                    displayName,
                    "a log must be at logs/<namespace>/<pod>/<container>.log"
                            + " (or <container>.previous.log for the previous instance)");
        }
        String namespace = relative.getName(0).toString();
        String pod = relative.getName(1).toString();
        boolean previous = fileName.endsWith(PREVIOUS);
        String container = fileName.substring(0, fileName.length() - (previous ? PREVIOUS : CURRENT).length());
        Set<String> containers = containersByPod.get(namespace + "/" + pod);
        if (containers == null) {
            throw new ScenarioException(displayName, "no Pod " + namespace + "/" + pod + " in kubernetes/");
        }
        if (!containers.contains(container)) {
            throw new ScenarioException(
                    displayName,
                    "Pod " + namespace + "/" + pod + " has no container '" + container + "' (it has "
                            + containers.stream().sorted().toList() + ")");
        }
        return new LogKey(namespace, pod, container, previous);
    }

    private static Set<String> containerNames(Pod pod) {
        return Stream.of(pod.getSpec().getContainers(), pod.getSpec().getInitContainers())
                .filter(list -> list != null)
                .flatMap(List::stream)
                .map(Container::getName)
                .collect(Collectors.toSet());
    }

    private static List<Path> regularFiles(Path directory, ScenarioFiles files) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> !ScenarioFiles.isHidden(path))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ScenarioException(files.display(directory), "cannot be read: " + e.getMessage());
        }
    }

    private static String readText(Path file, String displayName) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(displayName, "cannot be read as UTF-8 text: " + e.getMessage());
        }
    }
}
