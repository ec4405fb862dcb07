package dev.opsbot.scenario.internal;

import dev.opsbot.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of one scenario directory, on disk or inside a jar, and how to name them in error messages: the root as
 * it was given, followed by the path below it.
 */
public record ScenarioFiles(Path root, String rootName) {

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    public String display(Path file) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        return relative.isEmpty() ? rootName : rootName + "/" + relative;
    }

    /**
     * The files directly in {@code directory} (relative to the root), sorted by name; none when it does not exist.
     * Anything else in it — a subdirectory, a file with another extension — is refused, so nothing is silently
     * ignored.
     */
    public List<Path> filesIn(String directory, Set<String> extensions) {
        Path dir = resolve(directory);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> files = children.filter(path -> !isHidden(path)).sorted().toList();
            for (Path file : files) {
                if (!Files.isRegularFile(file)
                        || extensions.stream().noneMatch(ext -> name(file).endsWith(ext))) {
                    throw new ScenarioException(
                            display(file),
                            directory + "/ holds only files ending in "
                                    + extensions.stream().sorted().toList());
                }
            }
            return files;
        } catch (IOException e) {
            throw new ScenarioException(display(dir), "cannot be read: " + e.getMessage());
        }
    }

    public static boolean isHidden(Path path) {
        return name(path).startsWith(".");
    }

    public static String name(Path path) {
        Path fileName = path.getFileName();
        return fileName == null ? "" : fileName.toString().replaceAll("/$", "");
    }
}
