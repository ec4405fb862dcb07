package dev.opsbot.memory.runbooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.opsbot.memory.runbooks.RunbookFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookFolderTest {
    @TempDir
    Path folder;

    @Test
    void readsMarkdownInNestedFoldersNamedByRelativePathInOrder() throws IOException {
        write("zeta.md", "# Z");
        write("db/postgres.markdown", "# P");
        write("db/deep/er/kafka.MD", "# K");
        write("alpha.md", "# A");
        write("notes.txt", "not markdown");
        write("image.png", "png");
        write("md", "no extension");

        RunbookFolder.Contents contents = RunbookFolder.of(folder).read();

        assertThat(contents.files())
                .extracting(RunbookFile::name)
                .containsExactly("alpha.md", "db/deep/er/kafka.MD", "db/postgres.markdown", "zeta.md");
        assertThat(contents.files().getFirst().markdown()).isEqualTo("# A");
        assertThat(contents.skipped()).isEmpty();
    }

    @Test
    void aMissingFolderOrAFileIsAClearError() throws IOException {
        Path missing = folder.resolve("runbooks");
        assertThatThrownBy(() -> RunbookFolder.of(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("does not exist");

        Path file = write("runbook.md", "# R");
        assertThatThrownBy(() -> RunbookFolder.of(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is a file");
    }

    @Test
    void aFileOverOneMegabyteIsSkippedWithAWarningAndTheRestRead() throws IOException {
        write("big.md", "# Big\n" + "x".repeat((int) RunbookFolder.MAX_BYTES));
        write("exactly.md", "y".repeat((int) RunbookFolder.MAX_BYTES));
        write("small.md", "# Small");

        RunbookFolder.Contents contents = RunbookFolder.of(folder).read();

        assertThat(contents.files()).extracting(RunbookFile::name).containsExactly("exactly.md", "small.md");
        assertThat(contents.skipped()).singleElement().asString().contains("big.md", "larger than 1 MB", "skipped");
    }

    @Test
    void aFileThatIsNotUtf8IsSkippedWithAWarning() throws IOException {
        Files.write(folder.resolve("latin1.md"), "# Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        write("ok.md", "# Caf\u00e9");

        RunbookFolder.Contents contents = RunbookFolder.of(folder).read();

        assertThat(contents.files()).extracting(RunbookFile::markdown).containsExactly("# Caf\u00e9");
        assertThat(contents.skipped()).singleElement().asString().contains("latin1.md", "not UTF-8");
    }

    @Test
    void anUnreadableFileIsSkippedWithAWarning() throws IOException {
        Path locked = write("locked.md", "# L");
        Files.setPosixFilePermissions(locked, Set.of());
        write("ok.md", "# OK");
        assumeFalse(Files.isReadable(locked), "run as root: every file is readable");

        RunbookFolder.Contents contents = RunbookFolder.of(folder).read();

        assertThat(contents.files()).extracting(RunbookFile::name).containsExactly("ok.md");
        assertThat(contents.skipped()).singleElement().asString().contains("locked.md", "could not be read");
    }

    @Test
    void hiddenFilesAndFoldersAreNotRead() throws IOException {
        write(".git/description.md", "# git");
        write(".draft.md", "# draft");
        write("visible.md", "# V");

        assertThat(RunbookFolder.of(folder).read().files())
                .extracting(RunbookFile::name)
                .containsExactly("visible.md");
    }

    @Test
    void linksToFoldersAndOutsideTheFolderAreNotFollowedButAConfigMapsLinksAre(@TempDir Path outside)
            throws IOException {
        Path secret = Files.writeString(outside.resolve("elsewhere.md"), "# not ours");
        Files.createSymbolicLink(folder.resolve("elsewhere.md"), secret);
        Files.createSymbolicLink(folder.resolve("loop"), folder);
        // how a Kubernetes ConfigMap volume looks: the files are links into a hidden, versioned folder
        write("..2026_11_21_10_00_00.123/checkout.md", "# Checkout");
        Files.createSymbolicLink(folder.resolve("..data"), folder.resolve("..2026_11_21_10_00_00.123"));
        Files.createSymbolicLink(folder.resolve("checkout.md"), folder.resolve("..data/checkout.md"));

        RunbookFolder.Contents contents = RunbookFolder.of(folder).read();

        assertThat(contents.files()).singleElement().satisfies(file -> {
            assertThat(file.name()).isEqualTo("checkout.md");
            assertThat(file.markdown()).isEqualTo("# Checkout");
        });
        assertThat(contents.skipped())
                .anySatisfy(line -> assertThat(line).contains("elsewhere.md", "outside the runbook folder"))
                .anySatisfy(line -> assertThat(line).contains("loop", "link to a folder"))
                .hasSize(2);
    }

    @Test
    void theFolderIsReadAgainAtEachRead() throws IOException {
        RunbookFolder runbooks = RunbookFolder.of(folder);
        assertThat(runbooks.read().files()).isEmpty();

        write("new.md", "# New");

        assertThat(runbooks.read().files()).extracting(RunbookFile::name).containsExactly("new.md");
    }

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
