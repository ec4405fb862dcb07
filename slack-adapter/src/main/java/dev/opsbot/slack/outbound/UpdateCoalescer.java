package dev.opsbot.slack.outbound;

import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Progress edits of one message arrive in bursts (every source that finishes edits the status line) while Slack
 * allows about one {@code chat.update} per second per channel. Only the newest content matters, so while an edit of a
 * message is in flight (or waiting out a 429) later edits of the same message replace each other and the sender
 * delivers just the newest when it is done. Edits of different messages do not wait for each other.
 *
 * <p>The caller whose edit was absorbed returns at once; the caller already sending delivers it. If that delivery
 * fails, the sender's caller gets the exception and the absorbed edit goes with it; the next edit starts afresh.
 */
final class UpdateCoalescer {
    private final BiConsumer<MessageRef, Reply> send;
    private final Map<MessageRef, Reply> pending = new HashMap<>();
    private final Set<MessageRef> sending = new HashSet<>();

    UpdateCoalescer(BiConsumer<MessageRef, Reply> send) {
        this.send = send;
    }

    void update(MessageRef message, Reply reply) {
        synchronized (this) {
            pending.put(message, reply);
            if (!sending.add(message)) {
                return; // the thread sending this message will pick it up
            }
        }
        try {
            for (Reply next = take(message); next != null; next = take(message)) {
                send.accept(message, next);
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                sending.remove(message);
                pending.remove(message);
            }
            throw e;
        }
    }

    /** The newest edit not sent yet, or {@code null} when there is none and this sender is done. */
    private synchronized Reply take(MessageRef message) {
        Reply next = pending.remove(message);
        if (next == null) {
            sending.remove(message);
        }
        return next;
    }
}
