package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.handoff.HandoffJobs;
import dev.opsbot.core.handoff.HandoffRenderer;
import dev.opsbot.core.handoff.Handoffs;
import dev.opsbot.core.handoff.Shift;
import dev.opsbot.core.handoff.SinceParser;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import dev.opsbot.core.store.ScheduleLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "handoff", "handoff 8h", "handoff since 18:00": the channel's shift handoff, in the thread. Without a time it
 * covers what happened since the channel's last scheduled handoff, at most one shift back. Only people opsbot can
 * act for may ask: the handoff shows who asked and decided what.
 */
public final class HandoffHandler implements IntentHandler<Intent.Handoff> {
    private static final Logger LOG = LoggerFactory.getLogger(HandoffHandler.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);

    private final Acting acting;
    private final Handoffs handoffs;
    private final ScheduleLeases leases;
    private final Duration shiftLength;
    private final ZoneId zone;
    private final Clock clock;

    public HandoffHandler(
            Acting acting, Handoffs handoffs, ScheduleLeases leases, Duration shiftLength, ZoneId zone, Clock clock) {
        this.acting = Objects.requireNonNull(acting, "acting");
        this.handoffs = Objects.requireNonNull(handoffs, "handoffs");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.shiftLength = Objects.requireNonNull(shiftLength, "shiftLength");
        this.zone = HandoffRenderer.readable(Objects.requireNonNull(zone, "zone"));
        this.clock = Objects.requireNonNull(clock, "clock");
        if (shiftLength.isNegative() || shiftLength.isZero()) {
            throw new IllegalArgumentException("a shift must last longer than zero, not " + shiftLength);
        }
    }

    @Override
    public void handle(ChatEvent event, Intent.Handoff intent, Responder responder) {
        if (acting.forRead(event) instanceof Acting.Outcome.Refused refused) {
            responder.reply(Reply.text(":no_entry: I can't put a handoff together for you: " + refused.message()));
            return;
        }
        Instant now = clock.instant();
        Instant from;
        try {
            from = intent.since() == null || intent.since().isBlank()
                    ? sinceLastHandoff(event, now)
                    : SinceParser.parse(intent.since(), now, zone);
        } catch (IllegalArgumentException invalid) {
            responder.reply(Reply.text(":warning: " + invalid.getMessage()));
            return;
        }
        Shift shift = new Shift(event.platform(), event.thread().channel(), from, now);
        MessageRef progress = responder.reply(
                Reply.text(":hourglass_flowing_sand: Putting the handoff since " + WHEN.format(from.atZone(zone))
                        + " together…"),
                Responder.PROGRESS,
                "handoff");
        try {
            responder.reply(handoffs.compose(shift), Responder.ANSWER, "handoff");
        } catch (RuntimeException e) {
            LOG.warn("the handoff of {} failed", shift.team(), e);
            responder.update(
                    progress,
                    Reply.text(":warning: I could not put the handoff together: " + reason(e)
                            + ". Try again in a minute."));
            return;
        }
        responder.update(
                progress, Reply.text(":clipboard: Handoff since " + WHEN.format(from.atZone(zone)) + ", below."));
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Redactor.standard().redact(message, Vault.create());
    }

    /** Since the channel's last finished scheduled handoff, but never more than one shift back. */
    private Instant sinceLastHandoff(ChatEvent event, Instant now) {
        Instant shiftStart = now.minus(shiftLength);
        return leases.lastFinished(
                        HandoffJobs.key(event.platform(), event.thread().channel()))
                .filter(last -> last.isAfter(shiftStart) && last.isBefore(now))
                .orElse(shiftStart);
    }
}
