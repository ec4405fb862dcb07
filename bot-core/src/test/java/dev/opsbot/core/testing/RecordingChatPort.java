package dev.opsbot.core.testing;

import dev.opsbot.core.chat.ChatDeliveryException;
import dev.opsbot.core.chat.ChatPort;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat platform that keeps what opsbot said, and can be told to refuse the next posts. A new thread in a channel
 * ({@link #postToChannel}) is kept in {@link #posted()} like any post; direct messages in {@link #directs()}.
 */
public final class RecordingChatPort implements ChatPort {
    public record Posted(MessageRef ref, Reply reply) {}

    public record Direct(String email, Reply reply) {}

    public record Reaction(MessageRef ref, String name) {}

    private final String platform;
    private final List<Posted> posted = new ArrayList<>();
    private final List<Posted> updates = new ArrayList<>();
    private final List<Reaction> reactions = new ArrayList<>();
    private final List<Direct> directs = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private int failNextPosts;
    private int failNextDirects;

    public RecordingChatPort(String platform) {
        this.platform = platform;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public synchronized MessageRef post(ThreadRef thread, Reply reply) {
        if (failNextPosts > 0) {
            failNextPosts--;
            throw new ChatDeliveryException(platform + " is unavailable (test)", true, null);
        }
        MessageRef ref = new MessageRef(thread, "bot-" + ids.incrementAndGet());
        posted.add(new Posted(ref, reply));
        return ref;
    }

    @Override
    public synchronized MessageRef postToChannel(String channel, Reply reply) {
        String id = "bot-" + (ids.get() + 1);
        return post(new ThreadRef(platform, channel, id), reply);
    }

    @Override
    public synchronized MessageRef postDirect(String email, Reply reply) {
        if (failNextDirects > 0) {
            failNextDirects--;
            throw new ChatDeliveryException(platform + " has no user with e-mail " + email + " (test)", false, null);
        }
        directs.add(new Direct(email, reply));
        return new MessageRef(new ThreadRef(platform, "@" + email, "dm-" + directs.size()), "dm-" + directs.size());
    }

    @Override
    public synchronized void update(MessageRef message, Reply reply) {
        updates.add(new Posted(message, reply));
    }

    @Override
    public synchronized void react(MessageRef message, String reaction) {
        reactions.add(new Reaction(message, reaction));
    }

    public synchronized void failNextPosts(int count) {
        failNextPosts = count;
    }

    /** The next {@code count} direct messages fail as if the platform knew nobody with that e-mail. */
    public synchronized void failNextDirects(int count) {
        failNextDirects = count;
    }

    public synchronized List<Direct> directs() {
        return List.copyOf(directs);
    }

    public synchronized List<Posted> posted() {
        return List.copyOf(posted);
    }

    public synchronized List<Posted> postedIn(ThreadRef thread) {
        return posted.stream().filter(p -> p.ref().thread().equals(thread)).toList();
    }

    public synchronized List<Posted> updates() {
        return List.copyOf(updates);
    }

    public synchronized List<Reaction> reactions() {
        return List.copyOf(reactions);
    }
}
