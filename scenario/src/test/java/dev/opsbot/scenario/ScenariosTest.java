package dev.opsbot.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosTest {

    @Test
    void aScenarioLoadsFromInsideAJar(@TempDir Path temp) throws IOException {
        Path jar = temp.resolve("scenarios.jar");
        writeJar(jar, TestScenarios.MINI, "some/where/mini/");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Scenario scenario = Scenarios.fromClasspath(loader, "some/where/mini");

            assertThat(scenario.name()).isEqualTo("mini");
            assertThat(scenario.kubernetesObjects())
                    .hasSize(TestScenarios.mini().kubernetesObjects().size());
            assertThat(scenario.logs()).hasSize(5);
            assertThat(scenario.metricFiles()).containsOnlyKeys("checkout.om");
            assertThat(scenario.githubRuns()).containsOnlyKeys("acme/checkout");
        }
    }

    @Test
    void aProblemInsideAJarNamesTheClasspathLocation(@TempDir Path temp) throws IOException {
        Path jar = temp.resolve("bad.jar");
        writeJar(jar, Path.of("src/test/resources/bad/kubernetes-no-kind"), "bad/no-kind/");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> Scenarios.fromClasspath(loader, "bad/no-kind"))
                    .isInstanceOf(ScenarioException.class)
                    .hasMessage("classpath:bad/no-kind/kubernetes/objects.yaml:7: Kubernetes document has no kind");
        }
    }

    @Test
    void aMissingClasspathScenarioIsAScenarioException() {
        assertThatThrownBy(() -> Scenarios.fromClasspath("no/such/scenario"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("classpath:no/such/scenario");
    }

    private static void writeJar(Path jar, Path directory, String prefix) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out)) {
            for (Path file : files) {
                zip.putNextEntry(new JarEntry(
                        prefix + directory.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
    }
}
