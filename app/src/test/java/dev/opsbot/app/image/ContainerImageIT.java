package dev.opsbot.app.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The container image fits deploy/kubernetes/base/deployment.yaml (docs/image.md): its entrypoint is the opsbot
 * command line (the Deployment passes only {@code args}), it runs as uid 65532 with the data directory its own,
 * the JVM sizes itself from the container's limit in options the Deployment can replace, and its layers hold the
 * glibc userland, a JRE with the modules opsbot needs, and the shaded jar. {@link ContainerImageRunIT} runs it.
 */
class ContainerImageIT {
    private static final String JAR = "/opt/opsbot/opsbot.jar";

    @Test
    void theEntrypointIsJavaRunningTheShadedJarSoTheDeploymentsArgsAreOpsbotsArguments() {
        JsonNode config = ImageTarball.load().config();
        List<String> entrypoint = strings(config.path("Entrypoint"));

        assertThat(entrypoint).first().isEqualTo("/opt/java/bin/java");
        assertThat(entrypoint).endsWith("-jar", JAR);
        assertThat(entrypoint)
                .contains(
                        "-XX:+ExitOnOutOfMemoryError",
                        "-Djava.awt.headless=true",
                        "-Dfile.encoding=UTF-8",
                        "--enable-native-access=ALL-UNNAMED");
        assertThat(config.path("Cmd").isMissingNode() || config.path("Cmd").isNull())
                .as("no Cmd: nothing is appended to opsbot's arguments")
                .isTrue();
    }

    @Test
    void theHeapFollowsTheMemoryLimitInOptionsTheDeploymentCanReplace() {
        JsonNode config = ImageTarball.load().config();

        assertThat(strings(config.path("Env")))
                .contains("JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25")
                .contains("DJL_CACHE_DIR=/tmp/djl", "LANG=C.UTF-8")
                .anyMatch(variable -> variable.startsWith("PATH=/opt/java/bin:"));
        // JAVA_TOOL_OPTIONS is read before the command line: the same option there would beat the Deployment's
        assertThat(strings(config.path("Entrypoint")))
                .noneMatch(option -> option.contains("RAMPercentage") || option.startsWith("-Xm"));
    }

    @Test
    void itRunsAsUser65532InItsOwnDataDirectory() {
        ImageTarball image = ImageTarball.load();
        JsonNode config = image.config();

        assertThat(config.path("User").asText()).isEqualTo("65532:65532");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/var/lib/opsbot");
        assertThat(image.text("etc/passwd")).contains("opsbot:x:65532:65532:opsbot:/var/lib/opsbot:");
        assertThat(image.text("etc/group")).contains("opsbot:x:65532:");
        TarReader.Entry data = image.file("var/lib/opsbot").orElseThrow();
        assertThat(data.isDirectory()).isTrue();
        assertThat(data.uid()).isEqualTo(65532);
        assertThat(data.gid()).isEqualTo(65532);
        TarReader.Entry tmp = image.file("tmp").orElseThrow();
        assertThat(Integer.toOctalString(tmp.mode())).isEqualTo("1777");
        assertThat(image.file("opt/opsbot/opsbot.jar").orElseThrow().uid())
                .as("the application is not writable by the user running it")
                .isZero();
    }

    @Test
    void port8080IsExposedAndTheImageIsLabelled() {
        JsonNode config = ImageTarball.load().config();

        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.path("Labels").path("org.opencontainers.image.title").asText())
                .isEqualTo("opsbot");
        assertThat(config.path("Labels")
                        .path("org.opencontainers.image.version")
                        .asText())
                .isNotBlank();
    }

    @Test
    void theLayersHoldTheGlibcUserlandTheJreAndTheJarAndNoShell() {
        ImageTarball image = ImageTarball.load();

        assertThat(image.layers()).as("userland, JRE, application").hasSize(3);
        TarReader.Entry loader = image.file("lib64/ld-linux-x86-64.so.2").orElseThrow();
        assertThat(loader.isSymlink()).isTrue();
        assertThat(image.file(loader.linkTarget().substring(1)))
                .as(loader.linkTarget())
                .isPresent();
        assertThat(image.file("lib/x86_64-linux-gnu/libc.so.6")).isPresent();
        assertThat(image.file("usr/lib/x86_64-linux-gnu/libstdc++.so.6"))
                .as("the ONNX runtime's C++ library")
                .isPresent();
        assertThat(image.file("usr/lib/x86_64-linux-gnu/libfontconfig.so.1")).isPresent();
        assertThat(image.file("usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")).isPresent();
        assertThat(image.text("etc/nsswitch.conf")).contains("hosts: files dns");

        TarReader.Entry java = image.file("opt/java/bin/java").orElseThrow();
        assertThat(java.mode() & 0111).as("executable").isEqualTo(0111);
        assertThat(image.file("opt/java/lib/server/libjvm.so")).isPresent();
        assertThat(image.file(JAR.substring(1)).orElseThrow().size()).isGreaterThan(10_000_000);

        assertThat(image.hasFileUnder("app"))
                .as("Jib's own classpath layout is filtered out")
                .isFalse();
        assertThat(image.file("bin/sh")).as("no shell").isEmpty();
    }

    @Test
    void theJreHasTheModulesJdepsCannotSee() {
        String release = ImageTarball.load().text("opt/java/release");

        // the demo reads its scenario from inside the jar; TLS key exchange on JDK 21; charts; the database
        assertThat(release)
                .contains(
                        "jdk.zipfs", "jdk.crypto.ec", "java.desktop", "java.sql", "jdk.management", "jdk.unsupported");
        assertThat(release).doesNotContain("jdk.compiler", "jdk.jshell");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
