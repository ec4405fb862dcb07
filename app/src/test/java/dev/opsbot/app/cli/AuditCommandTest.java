package dev.opsbot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.app.Databases;
import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditRecord;
import dev.opsbot.core.audit.CanonicalJson;
import dev.opsbot.core.audit.HashChain;
import dev.opsbot.db.Database;
import dev.opsbot.db.audit.JooqAuditLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code opsbot audit verify | export} against an H2 file database in a temporary directory. */
class AuditCommandTest {
    private static final Instant T0 = Instant.parse("2026-03-10T02:40:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path config;
    private Database database;
    private final List<AuditEvent> recorded = new ArrayList<>();

    @BeforeEach
    void configuredDatabase() throws Exception {
        config = dir.resolve("opsbot.yaml");
        Files.writeString(config, "database:\n  dataDir: " + dir.resolve("data") + "\n");
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return OpsbotCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** The database the CLI reads, migrated, with {@code count} questions recorded a minute apart. */
    private JooqAuditLog logWith(int count) {
        assertThat(run("db", "migrate", "--config", config.toString()))
                .as(err.toString())
                .isZero();
        database = Databases.create(ConfigLoader.load(config, Map.of()).database(), 2);
        JooqAuditLog audit = new JooqAuditLog(database);
        for (int i = 0; i < count; i++) {
            AuditEvent event = new AuditEvent.QuestionAsked(
                    T0.plusSeconds(60L * i),
                    "person" + i + "@example.com",
                    "console/C-ops/t-" + i,
                    "why \"" + i + "\"?");
            audit.record(event);
            recorded.add(event);
        }
        return audit;
    }

    private List<AuditRecord> records(JooqAuditLog audit) {
        List<AuditRecord> records = new ArrayList<>();
        audit.scan(1, records::add);
        return records;
    }

    @Test
    void verifyOfAnIntactLogPrintsTheCountAndTheLastHashAndExitsZero() {
        JooqAuditLog audit = logWith(3);
        String last = records(audit).getLast().hash();

        assertThat(run("audit", "verify", "--config", config.toString()))
                .as(err.toString())
                .isZero();

        assertThat(out.toString()).isEqualTo("audit log intact: 3 events, last hash " + last + " (record 3)\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void verifyOfAnEmptyLogIsIntact() {
        logWith(0);

        assertThat(run("audit", "verify", "--config", config.toString())).isZero();

        assertThat(out.toString()).startsWith("audit log intact: 0 events, last hash " + HashChain.GENESIS);
    }

    @Test
    void verifyAfterAnEventWasEditedInTheDatabaseNamesTheRecordAndExitsOne() {
        logWith(3);
        database.dsl().execute("UPDATE audit_event SET event = REPLACE(event, 'person1@', 'nobody@') WHERE seq = 2");

        assertThat(run("audit", "verify", "--config", config.toString())).isEqualTo(1);

        assertThat(err.toString())
                .isEqualTo("opsbot: audit log broken at record 2: its hash does not match its contents: its event,"
                        + " prev_hash or hash was changed after it was recorded\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void verifyAfterARowWasDeletedNamesTheMissingRecord() {
        logWith(3);
        database.dsl().execute("DELETE FROM audit_event WHERE seq = 2");

        assertThat(run("audit", "verify", "--config", config.toString())).isEqualTo(1);

        assertThat(err.toString()).contains("audit log broken at record 2: it is missing");
    }

    @Test
    void verifyWithAnAnchorCatchesRecordsDeletedFromTheEnd() {
        JooqAuditLog audit = logWith(3);
        String anchor = "3:" + records(audit).getLast().hash();
        assertThat(run("audit", "verify", "--anchor", anchor, "--config", config.toString()))
                .isZero();

        database.dsl().execute("DELETE FROM audit_event WHERE seq = 3");

        assertThat(run("audit", "verify", "--config", config.toString())).isZero();
        assertThat(run("audit", "verify", "--anchor", anchor, "--config", config.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("audit log broken at record 3: it was kept as an anchor");
    }

    @Test
    void aBadAnchorIsBadUsageSayingTheForm() {
        assertThat(run("audit", "verify", "--anchor", "latest", "--config", config.toString()))
                .isEqualTo(2);

        assertThat(err.toString()).contains("SEQ:HASH");
    }

    @Test
    void exportWritesOneJsonObjectPerRecordWithTheHashedEventAsStored() throws Exception {
        JooqAuditLog audit = logWith(3);
        List<AuditRecord> records = records(audit);

        assertThat(run("audit", "export", "--config", config.toString()))
                .as(err.toString())
                .isZero();

        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(3);
        for (int i = 0; i < lines.length; i++) {
            AuditRecord record = records.get(i);
            assertThat(lines[i])
                    .isEqualTo("{\"seq\":" + (i + 1) + ",\"at\":\"" + record.at() + "\",\"kind\":\"question_asked\","
                            + "\"actor\":\"person" + i + "@example.com\",\"event\":"
                            + CanonicalJson.of(recorded.get(i)) + ",\"prev_hash\":\"" + record.prevHash()
                            + "\",\"hash\":\"" + record.hash() + "\"}");
            // what a reader of the export can check by itself
            JsonNode line = JSON.readTree(lines[i]);
            String event = lines[i].substring(lines[i].indexOf("\"event\":") + 8, lines[i].indexOf(",\"prev_hash\""));
            assertThat(HashChain.next(line.get("prev_hash").asText(), event))
                    .isEqualTo(line.get("hash").asText());
        }
    }

    @Test
    void exportSinceKeepsEventsAtOrAfterTheTime() {
        logWith(4);

        assertThat(run("audit", "export", "--since", "2026-03-10T02:42:00Z", "--config", config.toString()))
                .isZero();

        assertThat(out.toString().lines())
                .hasSize(2)
                .allMatch(line -> line.contains("\"actor\":\"person2@") || line.contains("\"actor\":\"person3@"));
    }

    @Test
    void exportSinceTakesAnOffsetOrADate() {
        logWith(2);

        assertThat(run("audit", "export", "--since", "2026-03-10T03:41:00+01:00", "--config", config.toString()))
                .isZero();
        assertThat(out.toString().lines()).hasSize(1);

        assertThat(run("audit", "export", "--since", "2026-03-11", "--config", config.toString()))
                .isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void exportWithABadSinceIsBadUsageSayingTheForm() {
        assertThat(run("audit", "export", "--since", "yesterday", "--config", config.toString()))
                .isEqualTo(2);

        assertThat(err.toString())
                .contains("'yesterday' is not an ISO-8601 time")
                .contains("2026-03-10T02:40:00Z");
    }

    @Test
    void auditWithoutASubcommandIsBadUsageNamingThem() {
        assertThat(run("audit")).isEqualTo(2);

        assertThat(err.toString()).contains("verify, export");
    }

    @Test
    void aDatabaseThatIsNotMigratedFailsSayingToMigrate() {
        assertThat(run("audit", "verify", "--config", config.toString())).isEqualTo(1);

        assertThat(err.toString()).startsWith("opsbot: ").contains("opsbot db migrate");
    }

    @Test
    void anUnreachableDatabaseFailsWithoutThePassword() throws Exception {
        Files.writeString(
                config,
                "database:\n  url: jdbc:postgresql://127.0.0.1:1/nothing\n  user: opsbot\n  password: hunter2\n");

        assertThat(run("audit", "export", "--config", config.toString())).isEqualTo(1);

        assertThat(err.toString())
                .contains("127.0.0.1:1")
                .contains("did not answer")
                .doesNotContain("hunter2");
    }
}
