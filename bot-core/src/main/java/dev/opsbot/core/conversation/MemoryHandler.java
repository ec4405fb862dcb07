package dev.opsbot.core.conversation;

import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryKind;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.core.memory.MemorySource;
import dev.opsbot.core.memory.TeamMemory;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "remember ...", "forget m-3f9a2c", "memories [service]": the team's memory, per channel. Only people opsbot can
 * act for may change it (what it holds shapes every later answer), and every change is in the audit log.
 */
public final class MemoryHandler implements IntentHandler<Intent.Memory> {
    static final int LISTED = 20;
    private static final Logger LOG = LoggerFactory.getLogger(MemoryHandler.class);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Acting acting;
    private final Optional<TeamMemory> memory;
    private final AuditLog audit;
    private final Clock clock;

    public MemoryHandler(Acting acting, Optional<TeamMemory> memory, AuditLog audit, Clock clock) {
        this.acting = Objects.requireNonNull(acting, "acting");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The team a thread's memories belong to: its platform and channel. */
    public static String team(ThreadRef thread) {
        return thread.platform() + "/" + thread.channel();
    }

    @Override
    public void handle(ChatEvent event, Intent.Memory intent, Responder responder) {
        if (memory.isEmpty()) {
            responder.reply(Reply.text(":information_source: Team memory is not enabled here."));
            return;
        }
        Acting.Outcome.As actor;
        switch (acting.forRead(event)) {
            case Acting.Outcome.Refused refused -> {
                responder.reply(
                        Reply.text(":no_entry: I can't change or show team memory for you: " + refused.message()));
                return;
            }
            case Acting.Outcome.As as -> actor = as;
        }
        try {
            switch (intent) {
                case Intent.Remember remember -> remember(event, actor, remember, responder);
                case Intent.Forget forget -> forget(event, actor, forget, responder);
                case Intent.Memories list -> list(event, list, responder);
            }
        } catch (IllegalArgumentException invalid) {
            responder.reply(Reply.text(":warning: " + invalid.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("team memory failed in {}", event.thread(), e);
            responder.reply(Reply.text(
                    ":warning: Team memory is not available right now: " + e.getMessage() + ". Nothing was changed."));
        }
    }

    private void remember(ChatEvent event, Acting.Outcome.As actor, Intent.Remember intent, Responder responder) {
        if (intent.text().isBlank()) {
            responder.reply(Reply.text("What should I remember? For example: `@opsbot remember fix: for checkout:"
                    + " rolling back to the previous revision stops the OOM kills`"));
            return;
        }
        MemoryKind kind = intent.kind() == null ? MemoryKind.FACT : MemoryKind.fromJson(intent.kind());
        MemoryScope scope = new MemoryScope(team(event.thread()), intent.service(), null);
        MemoryItem item = memory.get()
                .remember(
                        kind,
                        intent.text(),
                        scope,
                        new MemorySource(
                                thread(event.thread()),
                                event.eventId(),
                                actor.identity().email(),
                                "#" + event.thread().channel(),
                                clock.instant()));
        audit.record(new AuditEvent.MemoryChanged(
                clock.instant(),
                actor.identity().email(),
                item.id(),
                "learned",
                kind.jsonName(),
                item.text(),
                thread(event.thread())));
        responder.reply(Reply.text(":brain: Remembered `" + item.id() + "` (" + kind.jsonName() + ", "
                + (item.scope().service() == null
                        ? "for the whole team"
                        : "for " + item.scope().service())
                + "): " + item.text() + "\nSay `@opsbot forget " + item.id() + "` to take it back."));
    }

    private void forget(ChatEvent event, Acting.Outcome.As actor, Intent.Forget intent, Responder responder) {
        Optional<MemoryItem> known = memory.get().forget(intent.id(), team(event.thread()));
        if (known.isEmpty()) {
            responder.reply(Reply.text("I have no memory `" + intent.id() + "` in this channel's team memory."
                    + " `@opsbot memories` lists them."));
            return;
        }
        audit.record(new AuditEvent.MemoryChanged(
                clock.instant(),
                actor.identity().email(),
                intent.id(),
                "forgotten",
                known.get().kind().jsonName(),
                known.get().text(),
                thread(event.thread())));
        responder.reply(Reply.text(
                ":wastebasket: Forgot `" + intent.id() + "`: " + known.get().text()));
    }

    private void list(ChatEvent event, Intent.Memories intent, Responder responder) {
        List<MemoryItem> items = memory.get().list(team(event.thread()), intent.service(), LISTED);
        String about = intent.service() == null ? "" : " about " + intent.service();
        if (items.isEmpty()) {
            responder.reply(Reply.text("This channel's team memory holds nothing" + about
                    + " yet. Teach it with `@opsbot remember <what you learned>`."));
            return;
        }
        StringBuilder text = new StringBuilder(":brain: Team memory" + about + " (newest first):");
        for (MemoryItem item : items) {
            text.append("\n• `")
                    .append(item.id())
                    .append("` ")
                    .append(item.kind().jsonName())
                    .append(
                            item.scope().service() == null
                                    ? ""
                                    : " (" + item.scope().service() + ")")
                    .append(": ")
                    .append(item.text())
                    .append(" _(learned ")
                    .append(DAY.format(item.source().at()))
                    .append(" by ")
                    .append(item.source().author())
                    .append("; cited ")
                    .append(item.uses())
                    .append("×, +")
                    .append(item.upVotes())
                    .append("/-")
                    .append(item.downVotes())
                    .append(")_");
        }
        responder.reply(Reply.text(text.toString()));
    }

    private static String thread(ThreadRef thread) {
        return thread.platform() + "/" + thread.channel() + "/" + thread.thread();
    }
}
