package dev.opsbot.core.conversation;

import dev.opsbot.core.chat.ChatPort;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.store.BotMessage;
import dev.opsbot.core.store.BotMessageStore;
import dev.opsbot.core.store.ThreadStore;
import java.time.Clock;

/**
 * Speaks in one thread, and remembers what it said: every posted message is recorded so later reactions can be
 * matched to it, and the thread is marked as one opsbot takes part in.
 */
public final class Responder {
    public static final String ANSWER = "answer";
    public static final String PROGRESS = "progress";

    private final ChatPort port;
    private final ThreadRef thread;
    private final BotMessageStore botMessages;
    private final ThreadStore threads;
    private final String requester;
    private final Clock clock;
    private boolean threadTouched;

    public Responder(
            ChatPort port,
            ThreadRef thread,
            BotMessageStore botMessages,
            ThreadStore threads,
            String requester,
            Clock clock) {
        this.port = port;
        this.thread = thread;
        this.botMessages = botMessages;
        this.threads = threads;
        this.requester = requester;
        this.clock = clock;
    }

    public ThreadRef thread() {
        return thread;
    }

    public MessageRef reply(Reply reply) {
        return reply(reply, ANSWER, null);
    }

    /** Posts in the thread and records the message as {@code kind} about {@code subject} (may be null). */
    public MessageRef reply(Reply reply, String kind, String subject) {
        MessageRef posted = port.post(thread, reply);
        botMessages.record(new BotMessage(posted, kind, subject, clock.instant()));
        if (!threadTouched) {
            // Once per conversation turn is enough: follow-ups only need to know opsbot takes part here.
            threads.touch(thread, requester, clock.instant());
            threadTouched = true;
        }
        return posted;
    }

    public void update(MessageRef message, Reply reply) {
        port.update(message, reply);
    }

    public void react(MessageRef message, String reaction) {
        port.react(message, reaction);
    }
}
