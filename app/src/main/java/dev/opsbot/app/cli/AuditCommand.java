package dev.opsbot.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.opsbot.app.Databases;
import dev.opsbot.app.ops.LoggingSetup;
import dev.opsbot.core.OpsbotException;
import dev.opsbot.core.audit.AuditRecord;
import dev.opsbot.core.audit.ChainAnchor;
import dev.opsbot.core.audit.ChainCheck;
import dev.opsbot.db.Database;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.DatabaseUnavailableException;
import dev.opsbot.db.audit.JooqAuditLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code opsbot audit verify | export}: check the audit log's hash chain, or write it as JSON lines. Both read the
 * configured database and never change it (not even its schema: a database that is not migrated is an error).
 * docs/audit.md explains the chain and what a passing verify proves.
 */
@Command(
        name = "audit",
        description = "Check the audit log's hash chain, or export it as JSON lines.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: verify, export");
    }

    /** Runs {@code work} on the configured database's audit log; logging stays on stderr, out of the data. */
    private static <T> T withLog(ConfigOption config, Function<JooqAuditLog, T> work) {
        var loaded = config.load();
        LoggingSetup.apply("text", "warn");
        try (Database database = Databases.create(loaded.database(), 2)) {
            JooqAuditLog log = new JooqAuditLog(database);
            requireMigrated(database, log);
            return work.apply(log);
        }
    }

    /**
     * A database that does not answer fails as unavailable; one that answers but lacks this version's schema says to
     * migrate it. Checked first, so that neither turns up as a confusing SQL error halfway.
     */
    private static void requireMigrated(Database database, JooqAuditLog log) {
        if (database.ready()) {
            return;
        }
        try {
            log.scan(Long.MAX_VALUE, record -> {});
        } catch (DatabaseUnavailableException unavailable) {
            throw unavailable;
        } catch (DatabaseException schemaMissing) {
            // the table or its chain columns are missing: said below
        }
        throw new OpsbotException("the database at " + database.url() + " is not migrated to this version of opsbot:"
                + " run `opsbot db migrate` with the same configuration first");
    }

    @Command(
            name = "verify",
            description = "Check the audit log's hash chain; print the last hash (exit 0) or the first broken record"
                    + " (exit 1).")
    static final class Verify implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Option(
                names = "--anchor",
                paramLabel = "SEQ:HASH",
                converter = AnchorConverter.class,
                description = "a hash printed by an earlier verify, kept elsewhere: the chain must still pass through"
                        + " it (repeatable)")
        List<ChainAnchor> anchors = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ChainCheck check = withLog(config, log -> log.verify(anchors));
            return switch (check) {
                case ChainCheck.Intact intact -> {
                    spec.commandLine().getOut().println(intact.describe());
                    spec.commandLine().getOut().flush();
                    yield OpsbotCommand.OK;
                }
                case ChainCheck.Broken broken -> {
                    spec.commandLine().getErr().println("opsbot: " + broken.describe());
                    spec.commandLine().getErr().flush();
                    yield OpsbotCommand.FAILED;
                }
            };
        }
    }

    @Command(
            name = "export",
            description = "Write the audit log to stdout as JSON lines: seq, at, kind, actor, event, prev_hash, hash.")
    static final class Export implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Option(
                names = "--since",
                paramLabel = "ISO",
                converter = SinceConverter.class,
                description = "only events at or after this time: 2026-03-10T02:40:00Z, 2026-03-10T03:40:00+01:00 or"
                        + " 2026-03-10 (midnight UTC)")
        Instant since;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            JsonLines lines = new JsonLines(spec.commandLine().getOut());
            withLog(config, log -> {
                if (since == null) {
                    log.scan(1, lines);
                } else {
                    log.scanSince(since, lines);
                }
                return null;
            });
            lines.finish();
            return OpsbotCommand.OK;
        }
    }

    /**
     * One JSON object a line. {@code event} is the stored canonical text, copied byte for byte: re-encoding it could
     * change what the hash covers, and a reader checks {@code hash} against {@code prev_hash} followed by it.
     */
    static final class JsonLines implements java.util.function.Consumer<AuditRecord> {
        private static final JsonFactory JSON = new JsonFactory();
        private static final int FLUSH_EVERY = 1_000;
        private final PrintWriter out;
        private final StringWriter line = new StringWriter(1_024);
        private long written;

        JsonLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void accept(AuditRecord record) {
            line.getBuffer().setLength(0);
            try (JsonGenerator json = JSON.createGenerator(line)) {
                json.writeStartObject();
                json.writeNumberField("seq", record.seq());
                json.writeStringField("at", record.at().toString());
                json.writeStringField("kind", record.kind());
                json.writeStringField("actor", record.actor());
                json.writeFieldName("event");
                json.writeRawValue(record.event());
                json.writeStringField("prev_hash", record.prevHash());
                json.writeStringField("hash", record.hash());
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.write(line.toString());
            out.write('\n');
            if (++written % FLUSH_EVERY == 0) {
                flushOrStop();
            }
        }

        void finish() {
            flushOrStop();
        }

        /** A reader that went away ({@code | head}) ends the export rather than leaving it to read the whole log. */
        private void flushOrStop() {
            if (out.checkError()) {
                throw new OpsbotException("stdout was closed after " + written + " records: export stopped");
            }
        }
    }

    static final class SinceConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String text) {
            try {
                if (text.length() == 10) {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                }
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not an ISO-8601 time: use"
                        + " 2026-03-10T02:40:00Z, 2026-03-10T03:40:00+01:00 or 2026-03-10");
            }
        }
    }

    static final class AnchorConverter implements CommandLine.ITypeConverter<ChainAnchor> {
        @Override
        public ChainAnchor convert(String text) {
            try {
                return ChainAnchor.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
