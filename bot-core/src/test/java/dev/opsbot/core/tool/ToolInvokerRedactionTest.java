package dev.opsbot.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A tool run for a conversation sees the real values of the placeholders it was given, and whatever it returns or
 * throws goes back with every secret replaced.
 */
class ToolInvokerRedactionTest {
    private static final String TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vault vault = Vault.create();
    private final ToolContext context =
            ToolContext.of(Principal.of("alice@example.com"), Duration.ofSeconds(5), Clock.systemUTC());

    private static Tool tool(java.util.function.Function<JsonNode, ToolResult> behaviour) {
        ToolSpec spec = new ToolSpec(
                "github.read", "github", "model", "people", ToolSpecTest.schema("{\"type\":\"object\"}"), Risk.READ);
        return new Tool() {
            @Override
            public ToolSpec spec() {
                return spec;
            }

            @Override
            public ToolResult call(ToolContext context, JsonNode arguments) {
                return behaviour.apply(arguments);
            }
        };
    }

    @Test
    void placeholdersAreRestoredOnlyInsideTheCallAndTheResultIsRedacted() {
        String placeholder = Redactor.standard().redact("token " + TOKEN, vault).substring("token ".length());
        AtomicReference<String> seenByTool = new AtomicReference<>();
        Tool echo = tool(arguments -> {
            seenByTool.set(arguments.get("token").asText());
            return new ToolResult.Success("used " + arguments.get("token").asText(), arguments);
        });

        ToolResult result =
                new ToolInvoker().invoke(echo, context, JSON.createObjectNode().put("token", placeholder), vault);

        assertThat(seenByTool.get()).isEqualTo(TOKEN);
        assertThat(result).isInstanceOfSatisfying(ToolResult.Success.class, success -> {
            assertThat(success.summary()).isEqualTo("used " + placeholder);
            assertThat(success.data().toString()).doesNotContain(TOKEN).contains(placeholder);
        });
    }

    @Test
    void aSecretInAFailureIsRedactedToo() {
        Tool failing = tool(arguments -> {
            throw new IllegalStateException("login failed for token " + TOKEN);
        });

        ToolResult result = new ToolInvoker().invoke(failing, context, JSON.createObjectNode(), vault);

        assertThat(result).isInstanceOfSatisfying(ToolResult.Error.class, error -> assertThat(error.reason())
                .doesNotContain(TOKEN)
                .contains("[[secret:"));
    }
}
