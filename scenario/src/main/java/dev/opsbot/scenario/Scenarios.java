package dev.opsbot.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** Scenarios that ship with opsbot, read from the classpath (a directory in development, the jar when packaged). */
public final class Scenarios {
    /** Where the bundled demo scenario lives on the classpath (copied from the repository's scenarios/checkout-oom). */
    public static final String BUNDLED = "dev/opsbot/scenario/bundled/checkout-oom";

    private Scenarios() {}

    /** The demo incident: checkout OOMKilled after a rollout lowered its memory limit. */
    public static Scenario bundled() {
        return fromClasspath(BUNDLED);
    }

    /** A scenario directory on the classpath, {@code resourceDirectory} without a leading slash. */
    public static Scenario fromClasspath(String resourceDirectory) {
        return fromClasspath(Scenarios.class.getClassLoader(), resourceDirectory);
    }

    static Scenario fromClasspath(ClassLoader classLoader, String resourceDirectory) {
        String display = "classpath:" + resourceDirectory;
        URL marker = classLoader.getResource(resourceDirectory + "/scenario.yaml");
        if (marker == null) {
            throw new ScenarioException(display, "no scenario.yaml on the classpath here");
        }
        URI uri = toUri(marker, display);
        if (!"jar".equals(uri.getScheme())) {
            return ScenarioLoader.load(Path.of(uri).getParent(), display);
        }
        try {
            FileSystem zip = FileSystems.newFileSystem(uri, Map.of());
            try (zip) {
                return ScenarioLoader.load(zip.provider().getPath(uri).getParent(), display);
            }
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
            // someone else opened the jar as a file system: use it and leave it open for them
            return ScenarioLoader.load(Path.of(uri).getParent(), display);
        } catch (IOException e) {
            throw new ScenarioException(display, "cannot open the jar it is in: " + e.getMessage());
        }
    }

    private static URI toUri(URL url, String display) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new ScenarioException(display, "unusable classpath location " + url);
        }
    }
}
