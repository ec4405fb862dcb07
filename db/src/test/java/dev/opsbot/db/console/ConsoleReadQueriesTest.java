package dev.opsbot.db.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.console.AttachmentData;
import dev.opsbot.core.console.ConsoleMessage;
import dev.opsbot.db.testing.DatabaseExtension;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading a thread costs the same few queries for 1 message or 30, and never loads attachment bytes. */
class ConsoleReadQueriesTest {
    @RegisterExtension
    static final DatabaseExtension db = DatabaseExtension.h2();

    private static final Instant T0 = Instant.parse("2026-03-10T02:30:00Z");
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private JooqConsoleStore console;

    @BeforeEach
    void storeThatCountsItsStatements() {
        ExecuteListener recorder = new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                statements.add(ctx.sql());
            }
        };
        console = new JooqConsoleStore(
                db.emptied().dsl().configuration().deriveAppending(recorder).dsl());
        for (int i = 0; i < 30; i++) {
            String id = "m" + i;
            console.insert(ConsoleMessage.of(id, "ops", "m0", "alice", "text " + i, null, T0.plusSeconds(i)));
            console.addReaction(id, "bob", "eyes", T0);
            console.addReaction(id, "carol", "eyes", T0);
            console.addAttachment(new AttachmentData("a" + i, id, "image/png", "chart", new byte[] {1, 2}));
        }
        statements.clear();
    }

    @Test
    void threadIsReadInThreeQueriesWithoutAttachmentBytes() {
        List<ConsoleMessage> thread = console.thread("m0");

        assertThat(thread).hasSize(30).allSatisfy(message -> {
            assertThat(message.attachments()).hasSize(1);
            assertThat(message.reactions()).hasSize(1);
        });
        assertThat(statements).hasSize(3).noneMatch(sql -> sql.contains("console_attachment.data"));
    }

    @Test
    void recentThreadsAndFindAreReadInThreeQueriesEach() {
        console.recentThreads("ops", 10);
        assertThat(statements).hasSize(3);

        statements.clear();
        console.find("m7");
        assertThat(statements).hasSize(3);
    }
}
