package dev.opsbot.app.cli;

import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code opsbot redact}: stdin to stdout with every secret replaced by a placeholder, the same placeholder for the
 * same secret throughout the run (one vault, forgotten at exit). Nothing else changes, line endings included.
 *
 * <p>Input is redacted in pieces so that any size streams through: a piece ends at a blank line or a {@code ---}
 * line once it holds {@value #SOFT_LIMIT} characters (so a PEM block or a YAML Secret is not cut in two), or at a
 * line end past {@value #HARD_LIMIT}.
 */
@Command(name = "redact", description = "Read stdin, write it to stdout with secrets replaced by placeholders.")
final class RedactCommand implements Callable<Integer> {
    static final int SOFT_LIMIT = 16 * 1024 * 1024;
    static final int HARD_LIMIT = 64 * 1024 * 1024;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        redact(System.in, out, Redactor.standard(), Vault.create());
        out.flush();
        return OpsbotCommand.OK;
    }

    static void redact(InputStream input, PrintWriter out, Redactor redactor, Vault vault) {
        Reader reader = new InputStreamReader(input, StandardCharsets.UTF_8);
        char[] buffer = new char[64 * 1024];
        StringBuilder pending = new StringBuilder();
        try {
            for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                pending.append(buffer, 0, read);
                if (pending.length() >= SOFT_LIMIT) {
                    int cut = cut(pending);
                    if (cut > 0) {
                        out.write(redactor.redact(pending.substring(0, cut), vault));
                        pending.delete(0, cut);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read stdin", e);
        }
        out.write(redactor.redact(pending.toString(), vault));
    }

    /** Where a piece may end: after a blank or {@code ---} line past the soft limit, a line end past the hard one. */
    static int cut(CharSequence text) {
        for (int i = SOFT_LIMIT; i < text.length(); i++) {
            if (text.charAt(i - 1) == '\n' && (text.charAt(i) == '\n' || startsWith(text, i, "---"))) {
                return i;
            }
        }
        if (text.length() < HARD_LIMIT) {
            return -1;
        }
        for (int i = text.length() - 1; i >= SOFT_LIMIT; i--) {
            if (text.charAt(i) == '\n') {
                return i + 1;
            }
        }
        return text.length() >= 2 * HARD_LIMIT ? text.length() : -1;
    }

    private static boolean startsWith(CharSequence text, int at, String prefix) {
        if (at + prefix.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (text.charAt(at + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
