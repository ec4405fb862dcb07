package dev.opsbot.teams.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The zip that {@code package} builds is what Teams uploads: the three files at its root, as the build filled them. */
class TeamsAppPackageIT {
    private static final Path ZIP = Path.of("target", "opsbot-teams-app.zip");

    @Test
    void zipHoldsTheManifestAndTheIconsAtItsRoot() throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            List<String> names = new ArrayList<>();
            for (ZipEntry entry : zip.stream().toList()) {
                names.add(entry.getName());
                byte[] zipped = zip.getInputStream(entry).readAllBytes();
                assertThat(zipped)
                        .as(entry.getName())
                        .isEqualTo(Files.readAllBytes(TeamsAppPackageTest.APP.resolve(entry.getName())));
            }

            assertThat(names).containsExactlyInAnyOrder("manifest.json", "color.png", "outline.png");
        }
    }
}
