package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatPort;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.store.BotMessageStore;
import dev.opsbot.core.store.EventLedger;
import dev.opsbot.core.store.InboundEvent;
import dev.opsbot.core.store.ThreadStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every inbound chat event passes here. {@link #submit} records the event in the ledger before it returns, so an
 * adapter can acknowledge the platform at once without losing anything; the first replica to record an event
 * owns it and handles it on the worker pool; every other sighting is a duplicate and is dropped.
 *
 * <p>If this replica dies before finishing, its lease runs out and {@link #recoverExpired} on any replica picks the
 * event up again. A graceful {@link #shutdown} waits for running work and releases the rest at once.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int COMPLETE_ATTEMPTS = 4;

    /** What became of a submitted event. */
    public enum Submission {
        ACCEPTED,
        DUPLICATE
    }

    private final EventLedger ledger;
    private final ThreadStore threads;
    private final BotMessageStore botMessages;
    private final Map<String, ChatPort> ports;
    private final IntentRouter router;
    private final ChatEventCodec codec = new ChatEventCodec();
    private final ExecutorService workers;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final DispatchListener listener;
    private final ReactionHandler reactions;

    public Dispatcher(
            EventLedger ledger,
            ThreadStore threads,
            BotMessageStore botMessages,
            List<ChatPort> ports,
            IntentRouter router,
            ExecutorService workers,
            Clock clock,
            String owner,
            Duration lease,
            DispatchListener listener) {
        this(
                ledger,
                threads,
                botMessages,
                ports,
                router,
                workers,
                clock,
                owner,
                lease,
                listener,
                ReactionHandler.IGNORE);
    }

    /** @param reactions hears reactions on opsbot's own messages (votes on proposals) */
    public Dispatcher(
            EventLedger ledger,
            ThreadStore threads,
            BotMessageStore botMessages,
            List<ChatPort> ports,
            IntentRouter router,
            ExecutorService workers,
            Clock clock,
            String owner,
            Duration lease,
            DispatchListener listener,
            ReactionHandler reactions) {
        this.ledger = Objects.requireNonNull(ledger);
        this.threads = Objects.requireNonNull(threads);
        this.botMessages = Objects.requireNonNull(botMessages);
        this.ports = ports.stream().collect(Collectors.toUnmodifiableMap(ChatPort::platform, Function.identity()));
        this.router = Objects.requireNonNull(router);
        this.workers = Objects.requireNonNull(workers);
        this.clock = Objects.requireNonNull(clock);
        this.owner = Objects.requireNonNull(owner);
        this.lease = Objects.requireNonNull(lease);
        this.listener = Objects.requireNonNull(listener);
        this.reactions = Objects.requireNonNull(reactions);
    }

    /**
     * Records the event durably and schedules its handling. Returns once the event is in the database: the caller
     * may acknowledge the platform then. Throws when the database cannot record it, so the platform retries.
     */
    public Submission submit(ChatEvent event) {
        requirePortFor(event);
        Instant now = clock.instant();
        InboundEvent record = new InboundEvent(event.platform(), event.eventId(), now, codec.encode(event));
        if (!ledger.record(record, owner, now.plus(lease))) {
            listener.duplicate(event);
            log.debug("duplicate {} event {} dropped", event.platform(), event.eventId());
            return Submission.DUPLICATE;
        }
        listener.accepted(event);
        schedule(event, false);
        return Submission.ACCEPTED;
    }

    /**
     * Takes over events whose owner's lease ran out (a replica crashed or was stopped mid-work) and handles them
     * here. Safe to call from every replica at once: each event goes to one. Returns how many were taken.
     */
    public int recoverExpired(int limit) {
        Instant now = clock.instant();
        List<InboundEvent> reclaimed = ledger.reclaimExpired(owner, now, now.plus(lease), limit);
        for (InboundEvent stored : reclaimed) {
            ChatEvent event;
            try {
                event = codec.decode(stored.payload());
            } catch (RuntimeException unreadable) {
                log.error("stored {} event {} is unreadable; marking it done", stored.platform(), stored.eventId());
                ledger.complete(stored.platform(), stored.eventId(), now);
                continue;
            }
            log.info("recovering {} event {} left unfinished by another owner", stored.platform(), stored.eventId());
            schedule(event, true);
        }
        return reclaimed.size();
    }

    /** Stops taking work, waits up to {@code grace} for running work, then gives the unfinished back. */
    public void shutdown(Duration grace) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("work still running after {}; leaving it to another replica", grace);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        try {
            int released = ledger.release(owner, clock.instant());
            if (released > 0) {
                log.info("released {} unfinished events for another replica", released);
            }
        } catch (RuntimeException e) {
            // Nothing is lost: the leases run out on their own and another replica (or this one) recovers them.
            log.warn(
                    "could not release unfinished events ({}); they are recovered when their lease ends", e.toString());
        }
    }

    private void schedule(ChatEvent event, boolean lastAttempt) {
        try {
            workers.execute(() -> handle(event, lastAttempt));
        } catch (RejectedExecutionException shuttingDown) {
            // Recorded but not started: the lease runs out and a replica (this one after restart) recovers it.
            log.info(
                    "not starting {} event {}: shutting down; it stays in the ledger",
                    event.platform(),
                    event.eventId());
        }
    }

    /** Handles one event on the calling thread. Public for tests and benchmarks that need no worker pool. */
    public void handle(ChatEvent event, boolean lastAttempt) {
        long start = System.nanoTime();
        try {
            route(event);
        } catch (RuntimeException e) {
            listener.failed(event, e);
            log.error("handling {} event {} failed: {}", event.platform(), event.eventId(), e.toString(), e);
            boolean told = tellThreadItFailed(event, e);
            if (told || lastAttempt) {
                // We answered (with the failure) or gave it a second chance already: do not loop on it.
                completeOrLeaveForRecovery(event);
            }
            return;
        }
        completeOrLeaveForRecovery(event);
        listener.handled(event, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Marks the event done, trying again briefly when the database is busy: the answer is out, and an event left
     * incomplete would be answered a second time by recovery. Nothing thrown here escapes the worker.
     */
    private void completeOrLeaveForRecovery(ChatEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                ledger.complete(event.platform(), event.eventId(), clock.instant());
                return;
            } catch (RuntimeException e) {
                if (attempt == COMPLETE_ATTEMPTS) {
                    log.error(
                            "could not mark {} event {} done ({}); recovery may handle it again",
                            event.platform(),
                            event.eventId(),
                            e.toString());
                    return;
                }
                pause(Duration.ofMillis(100L << (2 * attempt)));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(ChatEvent event) {
        switch (event) {
            case ChatEvent.Mention m -> router.route(m, m.text(), responderFor(event));
            case ChatEvent.Command c -> router.route(c, c.text(), responderFor(event));
            case ChatEvent.Message m -> {
                // Follow-ups count only in threads opsbot takes part in; elsewhere people talk among themselves.
                if (threads.find(m.thread()).isPresent()) {
                    router.routeFollowUp(m, m.text(), responderFor(event));
                }
            }
            case ChatEvent.ReactionAdded r -> onReaction(r.target().messageId(), r.reaction(), r);
            case ChatEvent.ReactionRemoved r -> onReaction(r.target().messageId(), r.reaction(), r);
        }
    }

    private void onReaction(String messageId, String reaction, ChatEvent event) {
        // Reactions matter only on opsbot's own messages: a reaction on a proposal is a vote.
        botMessages
                .find(event.platform(), messageId)
                .ifPresentOrElse(
                        message -> {
                            log.debug(
                                    "{} by {} on {} message {}",
                                    reaction,
                                    event.user().id(),
                                    message.kind(),
                                    messageId);
                            reactions.onReaction(event, message, responderFor(event));
                        },
                        () -> log.debug("{} on a message opsbot did not post; ignored", reaction));
    }

    /** A responder for {@code thread} outside any event (expired proposals, recovery after a restart). */
    public Responder responderFor(ThreadRef thread) {
        ChatPort port = ports.get(thread.platform());
        if (port == null) {
            throw new IllegalArgumentException(
                    "no chat adapter for platform '" + thread.platform() + "'; configured: " + ports.keySet());
        }
        return new Responder(port, thread, botMessages, threads, "opsbot", clock);
    }

    private Responder responderFor(ChatEvent event) {
        // The Responder records the thread with its first reply: one write per turn, not two.
        return new Responder(
                requirePortFor(event),
                event.thread(),
                botMessages,
                threads,
                event.user().id(),
                clock);
    }

    private boolean tellThreadItFailed(ChatEvent event, RuntimeException e) {
        if (event instanceof ChatEvent.ReactionAdded || event instanceof ChatEvent.ReactionRemoved) {
            return true; // nobody asked a question; the log says what went wrong
        }
        try {
            ChatPort port = requirePortFor(event);
            port.post(
                    event.thread(),
                    Reply.text("Sorry, handling that failed: " + e.getMessage()
                            + ". Nothing was changed; ask again, or check opsbot's logs for event " + event.eventId()
                            + "."));
            return true;
        } catch (RuntimeException postFailed) {
            log.warn("could not tell thread {} about the failure: {}", event.thread(), postFailed.toString());
            return false;
        }
    }

    private ChatPort requirePortFor(ChatEvent event) {
        ChatPort port = ports.get(event.platform());
        if (port == null) {
            throw new IllegalArgumentException(
                    "no chat adapter for platform '" + event.platform() + "'; configured: " + ports.keySet());
        }
        return port;
    }
}
