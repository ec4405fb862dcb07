package dev.opsbot.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.Tool;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.tool.ToolInvoker;
import dev.opsbot.core.tool.ToolResult;
import dev.opsbot.core.tool.ToolSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At the tool boundary: what a tool returns is redacted; a placeholder it is given is restored inside its call only. */
class RedactingResultsTest {
    private static final String TOKEN = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A tool that records the arguments it saw and answers with a secret in its output. */
    private static final class EchoTool implements Tool {
        final List<JsonNode> seen = new ArrayList<>();

        @Override
        public ToolSpec spec() {
            return new ToolSpec(
                    "github.get_config",
                    "github",
                    "reads a repository's CI configuration",
                    "read CI configuration",
                    JsonNodeFactory.instance.objectNode().put("type", "object"),
                    Risk.READ);
        }

        @Override
        public ToolResult call(ToolContext context, JsonNode arguments) {
            seen.add(arguments);
            return new ToolResult.Success(
                    "config has GITHUB_TOKEN=" + TOKEN,
                    JsonNodeFactory.instance.objectNode().put("env", "GITHUB_TOKEN=" + TOKEN));
        }
    }

    @Test
    void theToolSeesTheSecretAndTheCallerOnlyItsPlaceholder() throws Exception {
        Vault vault = Vault.create();
        String placeholder = Redactor.standard().redact(TOKEN, vault);
        EchoTool tool = new EchoTool();
        JsonNode arguments = JSON.readTree("{\"token\":\"" + placeholder + "\"}");
        ToolContext context =
                ToolContext.of(Principal.of("alice@example.com"), Duration.ofSeconds(5), Clock.systemUTC());

        ToolResult result = new ToolInvoker().invoke(RedactingResults.around(tool, vault), context, arguments);

        assertThat(tool.seen.getFirst().get("token").asText()).isEqualTo(TOKEN);
        ToolResult.Success success = (ToolResult.Success) result;
        assertThat(success.summary()).isEqualTo("config has GITHUB_TOKEN=" + placeholder);
        assertThat(success.data().get("env").asText()).isEqualTo("GITHUB_TOKEN=" + placeholder);
        assertThat(RedactingResults.auditArguments(arguments, vault)).isEqualTo(arguments);
    }

    @Test
    void errorsNoDataAndProposalsAreRedactedToo() throws Exception {
        Vault vault = Vault.create();

        ToolResult error = RedactingResults.redact(
                new ToolResult.Error(SourceFailure.Kind.UNAVAILABLE, "401 for token " + TOKEN), vault);
        ToolResult none = RedactingResults.redact(new ToolResult.NoData("nothing for " + TOKEN), vault);
        ToolResult approval = RedactingResults.redact(
                new ToolResult.ApprovalRequired(
                        "set secret to " + TOKEN, JSON.readTree("{\"password\":\"hunter2\"}"), "writes"),
                vault);

        assertThat(error.toString()).doesNotContain(TOKEN).contains("[[secret:github-token:");
        assertThat(none.toString()).doesNotContain(TOKEN);
        assertThat(approval.toString()).doesNotContain(TOKEN).doesNotContain("hunter2");
    }
}
