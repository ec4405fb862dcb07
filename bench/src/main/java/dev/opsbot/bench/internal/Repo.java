package dev.opsbot.bench.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The opsbot checkout whose launcher the drivers run. The launcher rebuilds the jar when a source is newer than it;
 * a measurement must never include that build, so {@link #requireFreshJar()} refuses up front with the command to
 * run instead (the same rule as the launcher's {@code stale} function).
 */
public record Repo(Path root) {
    private static final Pattern CDS_IN_LAUNCHER =
            Pattern.compile("cds=\"\\$root/([^\"]+)\"|SharedArchiveFile=\\$root/([^\\s\"]+)");

    public static final String BUILD_COMMAND =
            "./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl app -am package";

    /** {@code dir} itself when given, else the nearest directory upwards from here that holds the launcher. */
    public static Repo locate(String dir) {
        if (dir != null) {
            Path root = Path.of(dir).toAbsolutePath().normalize();
            if (!Files.isExecutable(root.resolve("opsbot"))) {
                throw new Args.UsageException("--root " + dir + ": no executable ./opsbot launcher there");
            }
            return new Repo(root);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("opsbot")) && Files.isDirectory(p.resolve("app"))) {
                return new Repo(p);
            }
        }
        throw new Args.UsageException(
                "no ./opsbot launcher in this directory or above: run from the checkout or pass" + " --root DIR");
    }

    public Path launcher() {
        return root.resolve("opsbot");
    }

    public Path jar() {
        return root.resolve("app/target/opsbot.jar");
    }

    /**
     * The class-data-sharing archive the launcher asks the JVM to create and reuse, read from the launcher itself
     * ({@code cds="$root/..."} or {@code SharedArchiveFile=$root/...}), since where it lives is the launcher's
     * business.
     */
    public Optional<Path> cdsArchive() {
        try {
            Matcher m = CDS_IN_LAUNCHER.matcher(Files.readString(launcher()));
            return m.find()
                    ? Optional.of(root.resolve(m.group(1) != null ? m.group(1) : m.group(2)))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void requireFreshJar() {
        if (!Files.isRegularFile(jar())) {
            throw new IllegalStateException("no " + jar() + ": build it first with `" + BUILD_COMMAND + "`");
        }
        newerSource().ifPresent(source -> {
            throw new IllegalStateException(source + " is newer than " + jar() + ", so ./opsbot would rebuild during"
                    + " the measurement: build first with `" + BUILD_COMMAND + "`");
        });
    }

    /** A source the launcher would count as newer than the jar, if any. */
    public Optional<Path> newerSource() {
        try {
            FileTime built = Files.getLastModifiedTime(jar());
            for (Path top : List.of(
                    root.resolve("pom.xml"), root.resolve("bot-core"), root.resolve("db"), root.resolve("app"))) {
                if (!Files.exists(top)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(top)) {
                    Optional<Path> newer = files.filter(Files::isRegularFile)
                            .filter(Repo::countsAsSource)
                            .filter(f -> modified(f).compareTo(built) > 0)
                            .findFirst();
                    if (newer.isPresent()) {
                        return newer;
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean countsAsSource(Path file) {
        String path = file.toString();
        if (path.contains("/target/")) {
            return false;
        }
        String name = file.getFileName().toString();
        return name.endsWith(".java")
                || name.endsWith(".sql")
                || name.equals("pom.xml")
                || path.contains("/src/main/resources/");
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
