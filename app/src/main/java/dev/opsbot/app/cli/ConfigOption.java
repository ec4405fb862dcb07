package dev.opsbot.app.cli;

import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.Environment;
import dev.opsbot.app.config.OpsbotConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}; without it, {@code ./opsbot.yaml} when present, else the built-in defaults. */
final class ConfigOption {
    static final Path DEFAULT_FILE = Path.of("opsbot.yaml");

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "opsbot.yaml to read (default: ./opsbot.yaml if present)")
    Path file;

    OpsbotConfig load() {
        Path chosen = file != null ? file : Files.isRegularFile(DEFAULT_FILE) ? DEFAULT_FILE : null;
        return ConfigLoader.load(chosen, Environment.variables());
    }
}
