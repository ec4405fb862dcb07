package dev.opsbot.app.handoff;

import dev.opsbot.app.config.HandoffConfig;
import dev.opsbot.core.chat.ChatPort;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.handoff.HandoffJobs;
import dev.opsbot.core.handoff.OnCall;
import dev.opsbot.core.handoff.Shift;
import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import dev.opsbot.core.store.ScheduleLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one channel's handoff for one slot, exactly once across replicas: the replica whose lease claim wins
 * composes it, posts it to the channel, sends it to the person taking over, and marks the slot finished. Failing
 * before the channel post leaves the lease to run out ({@link #LEASE}), and then any replica, this one included,
 * tries again; a direct message that fails is said in the handoff's thread, and the slot still counts as posted.
 */
final class HandoffPoster {
    /** Makes a shift's handoff message, its times shown in {@code zone}. */
    @FunctionalInterface
    interface Composer {
        Reply compose(Shift shift, ZoneId zone);
    }

    /** How long a claimed slot is held: longer than composing (a model call included) and posting take. */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** The longest a handoff looks back, however long ago the last one was. */
    static final Duration LONGEST_SHIFT = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(HandoffPoster.class);

    private final ScheduleLeases leases;
    private final Composer composer;
    private final OnCall onCall;
    private final Map<String, ChatPort> ports;
    private final String replica;
    private final Duration shift;
    private final Clock clock;
    private final HandoffMetrics metrics;
    private final Redactor redactor = Redactor.standard();

    /**
     * @param composer makes the handoff message (the configured {@code Handoffs}, in the schedule's zone)
     * @param ports by platform; every schedule's platform has one
     * @param shift how far back a channel's first handoff looks
     */
    HandoffPoster(
            ScheduleLeases leases,
            Composer composer,
            OnCall onCall,
            Map<String, ChatPort> ports,
            String replica,
            Duration shift,
            Clock clock,
            HandoffMetrics metrics) {
        this.leases = leases;
        this.composer = composer;
        this.onCall = onCall;
        this.ports = Map.copyOf(ports);
        this.replica = replica;
        this.shift = shift;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Posts {@code slot}'s handoff unless another replica has it; true once the slot is posted, by anyone. */
    boolean post(HandoffConfig.Schedule schedule, Instant slot) {
        String job = HandoffJobs.key(schedule.platform(), schedule.channel());
        Instant now = clock.instant();
        if (!leases.claim(job, slot, replica, now, now.plus(LEASE))) {
            return leases.lastFinished(job).filter(last -> !last.isBefore(slot)).isPresent();
        }
        ChatPort port = ports.get(schedule.platform());
        Reply reply;
        MessageRef posted;
        try {
            Shift covered = new Shift(schedule.platform(), schedule.channel(), from(job, slot), slot);
            reply = composer.compose(covered, schedule.timezone());
            posted = port.postToChannel(schedule.channel(), reply);
        } catch (RuntimeException e) {
            metrics.failed(schedule.team());
            LOG.warn(
                    "the shift handoff for {} at {} could not be posted; it is tried again after {}",
                    schedule.team(),
                    slot,
                    now.plus(LEASE),
                    e);
            return false;
        }
        sendToNextOnCall(schedule, slot, reply, port, posted);
        finish(job, schedule, slot);
        metrics.posted(schedule.team());
        LOG.info("posted the shift handoff for {} at {}", schedule.team(), slot);
        return true;
    }

    /** Since the last handoff posted, or one shift back for the first. */
    private Instant from(String job, Instant slot) {
        Instant longest = slot.minus(LONGEST_SHIFT);
        return leases.lastFinished(job)
                .filter(last -> last.isBefore(slot))
                .map(last -> last.isBefore(longest) ? longest : last)
                .orElse(slot.minus(shift));
    }

    private void sendToNextOnCall(
            HandoffConfig.Schedule schedule, Instant slot, Reply reply, ChatPort port, MessageRef posted) {
        Optional<String> next = nextOnCall(schedule, slot);
        if (next.isEmpty()) {
            return;
        }
        try {
            port.postDirect(next.get(), reply);
        } catch (RuntimeException e) {
            LOG.warn("the shift handoff for {} could not be sent to {}", schedule.team(), next.get(), e);
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            sayInThread(
                    port,
                    posted,
                    "I could not send this handoff to " + next.get() + " directly: "
                            + redactor.redact(why, Vault.create()));
        }
    }

    private Optional<String> nextOnCall(HandoffConfig.Schedule schedule, Instant slot) {
        try {
            return onCall.next(schedule.platform(), schedule.channel(), slot);
        } catch (RuntimeException e) {
            LOG.warn("who takes over {} at {} is not known; the handoff is only posted", schedule.team(), slot, e);
            return Optional.empty();
        }
    }

    private void sayInThread(ChatPort port, MessageRef posted, String text) {
        try {
            port.post(posted.thread(), Reply.text(text));
        } catch (RuntimeException e) {
            LOG.warn("could not say in {} that the direct message failed", posted.thread(), e);
        }
    }

    private void finish(String job, HandoffConfig.Schedule schedule, Instant slot) {
        try {
            leases.finish(job, slot, replica, clock.instant());
        } catch (RuntimeException e) {
            // posted, but not recorded: once the lease runs out another replica may post it again
            LOG.error(
                    "the shift handoff for {} at {} was posted but not recorded as finished", schedule.team(), slot, e);
        }
    }
}
