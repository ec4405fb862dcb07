package dev.opsbot.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** YAML fixtures from {@code src/test/resources/config/}, and small files written on the fly. */
final class ConfigFixtures {
    private ConfigFixtures() {}

    static Path fixture(String name) {
        URL url = Objects.requireNonNull(ConfigFixtures.class.getResource("/config/" + name), name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String yaml) {
        try {
            return Files.writeString(Files.createTempFile(dir, "opsbot", ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpsbotConfig loadYaml(Path dir, String yaml) {
        return ConfigLoader.load(write(dir, yaml), Map.of());
    }
}
