package dev.opsbot.core.learning;

import dev.opsbot.core.approval.ApprovalRules;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.conversation.ReactionHandler;
import dev.opsbot.core.conversation.Responder;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.Resolution;
import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.TeamMemory;
import dev.opsbot.core.store.BotMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reactions on opsbot's memory messages: a :x: on a proposed memory within the objection window takes it back; a
 * :+1: or :-1: on a citation is a vote on the memories it cites (removing the reaction takes the vote back). Only
 * people opsbot can resolve count, as for approvals: what memory holds shapes every later answer.
 */
public final class MemoryReactions implements ReactionHandler {
    static final Set<String> OBJECT = Set.of("x", "no_entry", "no_entry_sign");
    /** On a citation, a tick is a :+1: and a cross a :-1:: Teams' "like" arrives as the tick (teams.reactions). */
    static final Set<String> UP = Set.of("+1", "thumbsup", "white_check_mark", "heavy_check_mark");

    static final Set<String> DOWN = Set.of("-1", "thumbsdown", "x");
    private static final Logger LOG = LoggerFactory.getLogger(MemoryReactions.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Acting acting;
    private final TeamMemory memory;
    private final AuditLog audit;
    private final Duration objectionWindow;
    private final Clock clock;

    public MemoryReactions(Acting acting, TeamMemory memory, AuditLog audit, Duration objectionWindow, Clock clock) {
        this.acting = Objects.requireNonNull(acting, "acting");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.objectionWindow = Objects.requireNonNull(objectionWindow, "objectionWindow");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onReaction(ChatEvent event, BotMessage message, Responder responder) {
        if (message.subject() == null) {
            return;
        }
        boolean added;
        String reaction;
        switch (event) {
            case ChatEvent.ReactionAdded a -> {
                added = true;
                reaction = a.reaction();
            }
            case ChatEvent.ReactionRemoved r -> {
                added = false;
                reaction = r.reaction();
            }
            default -> {
                return;
            }
        }
        if (ThreadLearning.MEMORY_PROPOSAL.equals(message.kind()) && added && OBJECT.contains(reaction)) {
            object(event, message, responder);
        } else if (TeamKnowledge.CITATION.equals(message.kind())
                && (UP.contains(reaction) || DOWN.contains(reaction))) {
            vote(event, message, added ? (UP.contains(reaction) ? 1 : -1) : 0);
        }
    }

    private void object(ChatEvent event, BotMessage message, Responder responder) {
        String id = message.subject();
        Optional<Identity> person = person(event);
        if (person.isEmpty()) {
            responder.reply(Reply.text(":no_entry: " + event.user().name() + "'s objection doesn't count: opsbot"
                    + " can't tell who they are. `@opsbot whoami` says why."));
            return;
        }
        String name = ApprovalRules.firstName(person.get());
        Instant deadline = message.postedAt().plus(objectionWindow);
        if (clock.instant().isAfter(deadline)) {
            responder.reply(Reply.text(":information_source: Too late to object by reaction: `" + id
                    + "` has been kept since " + TIME.format(deadline) + ". `@opsbot forget " + id
                    + "` removes it."));
            return;
        }
        String team =
                message.ref().thread().platform() + "/" + message.ref().thread().channel();
        Optional<MemoryItem> forgotten = memory.forget(id, team);
        if (forgotten.isEmpty()) {
            return; // forgotten already: by a command, or this is a re-sent event
        }
        audit.record(new AuditEvent.MemoryChanged(
                clock.instant(),
                person.get().email(),
                id,
                "objected",
                forgotten.get().kind().jsonName(),
                forgotten.get().text(),
                thread(message)));
        responder.reply(Reply.text(":wastebasket: " + name + " objected: I won't keep `" + id + "`."));
    }

    private void vote(ChatEvent event, BotMessage message, int vote) {
        Optional<Identity> person = person(event);
        if (person.isEmpty()) {
            return; // votes of people opsbot cannot resolve do not count; nobody asked a question to answer
        }
        for (String id :
                Arrays.stream(message.subject().split(",")).map(String::strip).toList()) {
            if (id.startsWith("m-") && !memory.vote(id, person.get().email(), vote)) {
                LOG.debug("vote on memory {} which is gone", id);
            }
        }
    }

    private Optional<Identity> person(ChatEvent event) {
        return acting.resolve(event) instanceof Resolution.Mapped mapped
                ? Optional.of(mapped.identity())
                : Optional.empty();
    }

    private static String thread(BotMessage message) {
        return message.ref().thread().platform() + "/" + message.ref().thread().channel() + "/"
                + message.ref().thread().thread();
    }
}
