package dev.opsbot.memory.runbooks.internal;

import dev.opsbot.memory.runbooks.RunbookFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The markdown files ({@code .md}, {@code .markdown}) in a folder and its subfolders. Hidden files and folders (a
 * name starting with a dot: {@code .git}, a Kubernetes ConfigMap's {@code ..data}) are not read. Symbolic links to
 * folders are not followed (no loops, nothing outside); a link to a file is read when the file is inside the folder,
 * which is how a ConfigMap mounts its files. A file larger than {@link #MAX_BYTES}, not UTF-8, or unreadable is
 * skipped with a warning, and the rest are read.
 */
public final class RunbookFolder {
    public static final long MAX_BYTES = 1L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(RunbookFolder.class);

    private final Path folder;

    private RunbookFolder(Path folder) {
        this.folder = folder;
    }

    /** The folder, which must exist: a missing runbook folder is a configuration mistake to say at start-up. */
    public static RunbookFolder of(Path folder) {
        Objects.requireNonNull(folder, "folder");
        if (!Files.exists(folder)) {
            throw new IllegalArgumentException("the runbook folder " + folder.toAbsolutePath()
                    + " does not exist: create it, or point memory.runbooks at the folder holding the runbooks");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("the runbook folder " + folder.toAbsolutePath()
                    + " is a file: point memory.runbooks at the folder holding the markdown runbooks");
        }
        return new RunbookFolder(folder);
    }

    /**
     * @param files sorted by name
     * @param skipped one line per file not read, with the reason
     */
    public record Contents(List<RunbookFile> files, List<String> skipped) {
        public Contents {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    /** Reads the files now (again at each call: the folder may have changed). */
    public Contents read() {
        Path root;
        try {
            root = folder.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "the runbook folder " + folder.toAbsolutePath() + " cannot be read: " + e, e);
        }
        Visitor visitor = new Visitor(root);
        try {
            Files.walkFileTree(root, Set.of(), Integer.MAX_VALUE, visitor);
        } catch (IOException e) {
            throw new IllegalArgumentException("the runbook folder " + root + " cannot be read: " + e, e);
        }
        visitor.files.sort(Comparator.comparing(RunbookFile::name));
        return new Contents(visitor.files, visitor.skipped);
    }

    static boolean isMarkdown(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown");
    }

    private static final class Visitor extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<RunbookFile> files = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();

        Visitor(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = name(file);
            if (hidden(file)) {
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink() && Files.isDirectory(file)) {
                skip(name, "is a link to a folder: not followed");
                return FileVisitResult.CONTINUE;
            }
            if (!isMarkdown(name)) {
                return FileVisitResult.CONTINUE;
            }
            try {
                Path target = attrs.isSymbolicLink() ? file.toRealPath() : file;
                long size = Files.size(target);
                if (!target.startsWith(root)) {
                    skip(name, "is a link to " + target + ", outside the runbook folder: not followed");
                } else if (!Files.isRegularFile(target)) {
                    skip(name, "is not a file");
                } else if (size > MAX_BYTES) {
                    skip(name, "is larger than 1 MB (" + size + " bytes)");
                } else {
                    files.add(new RunbookFile(name, utf8(Files.readAllBytes(target))));
                }
            } catch (CharacterCodingException e) {
                skip(name, "is not UTF-8 text");
            } catch (IOException e) {
                skip(name, "could not be read (" + e + ")");
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            skip(name(file), "could not be read (" + e + ")");
            return FileVisitResult.CONTINUE;
        }

        private void skip(String name, String why) {
            String line = name + " " + why + ": skipped";
            LOG.warn("runbook {}", line);
            skipped.add(line);
        }

        /** Relative to the folder, with {@code /} whatever the platform's separator. */
        private String name(Path file) {
            return StreamSupport.stream(root.relativize(file).spliterator(), false)
                    .map(Path::toString)
                    .collect(Collectors.joining("/"));
        }

        private static boolean hidden(Path path) {
            Path last = path.getFileName();
            return last != null && last.toString().startsWith(".");
        }

        private static String utf8(byte[] bytes) throws CharacterCodingException {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        }
    }
}
