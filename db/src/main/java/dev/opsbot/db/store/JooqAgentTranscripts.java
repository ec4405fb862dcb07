package dev.opsbot.db.store;

import static dev.opsbot.db.generated.Tables.AGENT_TURN;

import dev.opsbot.core.agent.AgentTranscripts;
import dev.opsbot.core.agent.Turn;
import dev.opsbot.core.chat.ThreadRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** The model's conversation per thread, in table {@code agent_turn}, shared by every replica. */
public final class JooqAgentTranscripts implements AgentTranscripts {
    private final DSLContext dsl;
    private final Clock clock;

    /** @param dsl a {@link dev.opsbot.db.Database#dsl()}, whose error translation this relies on */
    public JooqAgentTranscripts(DSLContext dsl, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Turn> recent(ThreadRef thread, int max) {
        if (max < 1) {
            return List.of();
        }
        List<Turn> newestFirst = new ArrayList<>(dsl.select(AGENT_TURN.ROLE, AGENT_TURN.TEXT)
                .from(AGENT_TURN)
                .where(of(thread))
                .orderBy(AGENT_TURN.SEQ.desc())
                .limit(max)
                .fetch(row -> new Turn(row.value1(), row.value2())));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public void append(ThreadRef thread, Turn turn) {
        dsl.insertInto(AGENT_TURN)
                .set(AGENT_TURN.PLATFORM, thread.platform())
                .set(AGENT_TURN.CHANNEL, thread.channel())
                .set(AGENT_TURN.THREAD_ID, thread.thread())
                .set(AGENT_TURN.ROLE, turn.role())
                .set(AGENT_TURN.TEXT, turn.text())
                .set(AGENT_TURN.CREATED_AT, clock.instant())
                .execute();
    }

    @Override
    public int forgetBefore(java.time.Instant cutoff) {
        return dsl.deleteFrom(AGENT_TURN)
                .where(AGENT_TURN.CREATED_AT.lt(cutoff))
                .execute();
    }

    private static Condition of(ThreadRef thread) {
        return AGENT_TURN
                .PLATFORM
                .eq(thread.platform())
                .and(AGENT_TURN.CHANNEL.eq(thread.channel()))
                .and(AGENT_TURN.THREAD_ID.eq(thread.thread()));
    }
}
