package dev.opsbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code opsbot redact}: stdin to stdout, secrets replaced, placeholders stable for the run, exit 0. */
class RedactCommandTest {
    private static final String TOKEN = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int runWithStdin(String stdin) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return OpsbotCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), "redact");
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void writesStdinToStdoutWithSecretsReplacedAndTheSameSecretAlwaysTheSame() {
        String input = "2026-03-10T02:33:04Z INFO cloning with " + TOKEN + "\r\n"
                + "DATABASE_URL=postgres://orders:s3cr3tP4ss@db:5432/orders\n"
                + "retry with " + TOKEN + " — ünïcode stays\n"
                + "commit 9fceb02d0ae598e95dc970b74767f19372d61af8 image sha256:"
                + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

        assertThat(runWithStdin(input)).as(err.toString()).isZero();

        String redacted = out.toString();
        assertThat(redacted).doesNotContain(TOKEN).doesNotContain("s3cr3tP4ss");
        String placeholder = redacted.substring(redacted.indexOf("[[secret:github-token:"), redacted.indexOf("]]") + 2);
        assertThat(redacted)
                .isEqualTo("2026-03-10T02:33:04Z INFO cloning with " + placeholder + "\r\n"
                        + "DATABASE_URL=postgres://orders:"
                        + redacted.substring(redacted.indexOf("[[secret:url-password:"), redacted.indexOf("@db"))
                        + "@db:5432/orders\n"
                        + "retry with " + placeholder + " — ünïcode stays\n"
                        + "commit 9fceb02d0ae598e95dc970b74767f19372d61af8 image sha256:"
                        + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertThat(runWithStdin("")).isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aLongInputIsRedactedInPiecesCutBetweenDocuments() {
        String secret = "apiVersion: v1\ndata:\n  password: cEBzc3cwcmQtbm90LXJhbmRvbQ==\nkind: Secret\n";
        String filler = "x".repeat(99) + "\n";
        StringBuilder input = new StringBuilder();
        while (input.length() < RedactCommand.SOFT_LIMIT - 40) {
            input.append(filler);
        }
        input.append("---\n").append(secret).append("---\n").append(TOKEN).append('\n');
        StringWriter text = new StringWriter();

        RedactCommand.redact(
                new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(text),
                Redactor.standard(),
                Vault.create());

        assertThat(RedactCommand.cut(input))
                .as("the piece ends after the Secret's document")
                .isEqualTo(input.lastIndexOf("---\n"));
        assertThat(text.toString())
                .startsWith(filler)
                .doesNotContain("cEBzc3cwcmQtbm90LXJhbmRvbQ==")
                .doesNotContain(TOKEN)
                .contains("password: [[secret:kubernetes-secret:");
    }
}
