package dev.opsbot.slack.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbot.core.chat.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a rendered message with {@code src/test/resources/golden/<name>.json}. Run with
 * {@code -Dgolden.update=true} to (re)write the files from the renderer; then read the diff before keeping it.
 */
final class GoldenFiles {
    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GoldenFiles() {}

    static void assertMatches(String name, Reply reply) {
        BlockKitRenderer renderer = new BlockKitRenderer();
        ObjectNode message = JSON.createObjectNode().put("text", renderer.fallbackText(reply));
        message.set("blocks", renderer.render(reply));
        Path file = DIR.resolve(name + ".json");
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, JSON.writeValueAsString(message) + "\n");
            }
            assertThat(file)
                    .as("golden file %s (write it with -Dgolden.update=true)", file)
                    .exists();
            JsonNode expected = JSON.readTree(file.toFile());
            assertThat(JSON.writeValueAsString(message))
                    .as("%s differs from the golden file", name)
                    .isEqualTo(JSON.writeValueAsString(expected));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
