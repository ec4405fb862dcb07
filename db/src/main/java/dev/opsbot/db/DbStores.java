package dev.opsbot.db;

import dev.opsbot.core.agent.AgentTranscripts;
import dev.opsbot.core.approval.ProposalStore;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.console.ConsoleStore;
import dev.opsbot.core.store.BotMessageStore;
import dev.opsbot.core.store.ChatAddresses;
import dev.opsbot.core.store.EventLedger;
import dev.opsbot.core.store.ScheduleLeases;
import dev.opsbot.core.store.ThreadStore;
import dev.opsbot.core.store.VerdictStore;
import dev.opsbot.db.approval.JooqProposalStore;
import dev.opsbot.db.audit.JooqAuditLog;
import dev.opsbot.db.console.JooqConsoleStore;
import dev.opsbot.db.identity.JooqIdentityCache;
import dev.opsbot.db.memory.JooqMemoryStore;
import dev.opsbot.db.store.JooqAgentTranscripts;
import dev.opsbot.db.store.JooqBotMessageStore;
import dev.opsbot.db.store.JooqChatAddresses;
import dev.opsbot.db.store.JooqEventLedger;
import dev.opsbot.db.store.JooqScheduleLeases;
import dev.opsbot.db.store.JooqThreadStore;
import dev.opsbot.db.store.JooqVerdictStore;
import java.util.Objects;

/**
 * Every store of bot-core's ports, backed by one {@link Database}: what {@code app} wires in.
 *
 * @param identityCache the jOOQ class rather than the port, so that {@code app} can also schedule
 *     {@link JooqIdentityCache#purgeExpired}
 * @param memories the jOOQ class rather than the port, so that {@code app} can also schedule
 *     {@link JooqMemoryStore#purgeForgotten}
 */
public record DbStores(
        EventLedger eventLedger,
        ThreadStore threads,
        BotMessageStore botMessages,
        ConsoleStore console,
        JooqIdentityCache identityCache,
        AuditLog auditLog,
        ProposalStore proposals,
        AgentTranscripts transcripts,
        JooqMemoryStore memories,
        VerdictStore verdicts,
        ScheduleLeases scheduleLeases,
        ChatAddresses chatAddresses) {

    public DbStores {
        Objects.requireNonNull(eventLedger, "eventLedger");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(botMessages, "botMessages");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(identityCache, "identityCache");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(proposals, "proposals");
        Objects.requireNonNull(transcripts, "transcripts");
        Objects.requireNonNull(memories, "memories");
        Objects.requireNonNull(verdicts, "verdicts");
        Objects.requireNonNull(scheduleLeases, "scheduleLeases");
        Objects.requireNonNull(chatAddresses, "chatAddresses");
    }

    public static DbStores of(Database database) {
        var dsl = database.dsl();
        return new DbStores(
                new JooqEventLedger(dsl),
                new JooqThreadStore(dsl),
                new JooqBotMessageStore(dsl),
                new JooqConsoleStore(dsl),
                new JooqIdentityCache(dsl),
                new JooqAuditLog(database),
                new JooqProposalStore(dsl),
                new JooqAgentTranscripts(dsl, java.time.Clock.systemUTC()),
                new JooqMemoryStore(dsl),
                new JooqVerdictStore(dsl),
                new JooqScheduleLeases(dsl),
                new JooqChatAddresses(dsl));
    }
}
