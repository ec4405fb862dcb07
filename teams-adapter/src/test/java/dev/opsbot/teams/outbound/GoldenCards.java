package dev.opsbot.teams.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.core.chat.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares the activity a reply renders to, written with the SDK's own JSON setup exactly as it is sent, with {@code
 * src/test/resources/golden/<name>.json}. Run with {@code -Dgolden.update=true} to (re)write the files from the
 * renderer ({@code ./mvnw -o -pl teams-adapter test -Dtest=AdaptiveCardGoldenTest -Dgolden.update=true}); then read
 * the diff before keeping it. Any difference, even in order or whitespace of a value, fails.
 */
final class GoldenCards {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private GoldenCards() {}

    static void assertMatches(String name, Reply reply) {
        ObjectMapper json = ConnectorJson.mapper();
        Path file = DIR.resolve(name + ".json");
        try {
            String rendered =
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(new AdaptiveCardRenderer().render(reply));
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, rendered + "\n");
            }
            assertThat(file)
                    .as("golden file %s (write it with -Dgolden.update=true)", file)
                    .exists();
            JsonNode expected = json.readTree(file.toFile());
            assertThat(json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(rendered)))
                    .as("%s differs from the golden file %s", name, file)
                    .isEqualTo(json.writerWithDefaultPrettyPrinter().writeValueAsString(expected));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
