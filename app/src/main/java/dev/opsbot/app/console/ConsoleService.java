package dev.opsbot.app.console;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.console.ConsoleMessage;
import dev.opsbot.core.console.ConsoleStore;
import dev.opsbot.core.conversation.Dispatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The console as a chat platform: it accepts what people post and react, stores it before answering (nothing
 * accepted is lost), shows it to open pages, and hands it to the dispatcher as chat events. A new thread is
 * addressed to opsbot, like a direct message ({@code @opsbot} optional); in a thread, {@code @opsbot} addresses it
 * and anything else is a follow-up that opsbot answers only when it is a command it knows.
 */
public final class ConsoleService {
    private static final Pattern MENTION = Pattern.compile("\\s*@opsbot\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern REACTION_NAME = Pattern.compile("[a-z0-9_+\\-]{1,64}");

    private final ConsoleStore store;
    private final ConsoleChatPort port;
    private final ConsoleUsers users;
    private final List<String> channels;
    private final int maxMessageChars;
    private final Dispatcher dispatcher;
    private final ConsoleIds ids;
    private final Clock clock;

    public ConsoleService(
            ConsoleStore store,
            ConsoleChatPort port,
            ConsoleUsers users,
            List<String> channels,
            int maxMessageChars,
            Dispatcher dispatcher,
            Clock clock) {
        this.store = store;
        this.port = port;
        this.users = users;
        this.channels = List.copyOf(channels);
        this.maxMessageChars = maxMessageChars;
        this.dispatcher = dispatcher;
        this.ids = new ConsoleIds(clock);
        this.clock = clock;
    }

    /** Where a posted message went. */
    public record Posted(String id, String thread) {}

    /** Stores a person's message (a new thread when {@code thread} is null) and hands it to opsbot. */
    public Posted post(String channel, String userId, String text, String thread) {
        ConsoleUsers.User user = users.require(userId);
        if (text == null || text.isBlank()) {
            throw ConsoleException.badRequest("field 'text' is required and must not be blank");
        }
        if (text.length() > maxMessageChars) {
            throw ConsoleException.tooLarge("message has " + text.length() + " characters; the limit is "
                    + maxMessageChars + " (server.maxMessageChars)");
        }
        String id = ids.next("m");
        Instant now = clock.instant();
        String targetChannel;
        String root;
        if (thread == null) {
            targetChannel = requireChannel(channel);
            root = id;
        } else {
            ConsoleMessage inThread = requireThread(thread);
            targetChannel = inThread.channel();
            root = inThread.thread();
        }
        ConsoleMessage message = ConsoleMessage.of(id, targetChannel, root, user.id(), text, null, now);
        store.insert(message);
        ThreadRef ref = new ThreadRef(ConsoleChatPort.PLATFORM, targetChannel, root);
        dispatcher.submit(
                addressedToOpsbot(thread, text)
                        ? new ChatEvent.Mention(id, ref, id, user.asChatUser(), text, now)
                        : new ChatEvent.Message(id, ref, id, user.asChatUser(), text, now));
        port.publishCreated(message);
        return new Posted(id, root);
    }

    /**
     * A new thread is always a question for opsbot (the console is like a direct message); a reply in a thread is
     * one only when it starts with {@code @opsbot}, otherwise it is a follow-up among people.
     */
    private static boolean addressedToOpsbot(String thread, String text) {
        return thread == null || MENTION.matcher(text).lookingAt();
    }

    /** Adds a reaction; a reaction the person already has is accepted and changes nothing. */
    public void react(String messageId, String userId, String reaction) {
        ConsoleUsers.User user = users.require(userId);
        ConsoleMessage message = requireMessage(messageId);
        String name = requireReactionName(reaction);
        Instant now = clock.instant();
        if (store.addReaction(message.id(), user.id(), name, now)) {
            dispatcher.submit(new ChatEvent.ReactionAdded(ids.next("r"), refOf(message), user.asChatUser(), name, now));
            port.publishReaction(message.id());
        }
    }

    /** Takes a reaction back; taking back one that is not there is accepted and changes nothing. */
    public void unreact(String messageId, String userId, String reaction) {
        ConsoleUsers.User user = users.require(userId);
        ConsoleMessage message = requireMessage(messageId);
        String name = requireReactionName(reaction);
        if (store.removeReaction(message.id(), user.id(), name)) {
            dispatcher.submit(new ChatEvent.ReactionRemoved(
                    ids.next("r"), refOf(message), user.asChatUser(), name, clock.instant()));
            port.publishReaction(message.id());
        }
    }

    public List<ConsoleMessage> thread(String threadId) {
        List<ConsoleMessage> messages = store.thread(threadId);
        if (messages.isEmpty()) {
            throw ConsoleException.notFound("no console thread '" + threadId + "'");
        }
        return messages;
    }

    public List<ConsoleMessage> recentThreads(String channel, int limit) {
        return store.recentThreads(requireChannel(channel), limit);
    }

    public dev.opsbot.core.console.AttachmentData attachment(String attachmentId) {
        return store.attachment(attachmentId)
                .orElseThrow(() -> ConsoleException.notFound("no attachment '" + attachmentId + "'"));
    }

    public List<String> channels() {
        return channels;
    }

    public List<ConsoleUsers.User> users() {
        return users.all();
    }

    /** Any message of the thread will do: a reply's id is taken to mean its thread. */
    private ConsoleMessage requireThread(String threadId) {
        return store.find(threadId)
                .orElseThrow(() -> ConsoleException.notFound("no console thread '" + threadId + "'"));
    }

    private ConsoleMessage requireMessage(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            throw ConsoleException.badRequest("field 'message' is required");
        }
        return store.find(messageId)
                .orElseThrow(() -> ConsoleException.notFound("no console message '" + messageId + "'"));
    }

    private String requireChannel(String channel) {
        if (channel == null || channel.isBlank()) {
            throw ConsoleException.badRequest("field 'channel' is required; channels: " + String.join(", ", channels));
        }
        if (!channels.contains(channel)) {
            throw ConsoleException.notFound(
                    "no console channel '" + channel + "'; channels: " + String.join(", ", channels));
        }
        return channel;
    }

    private static String requireReactionName(String reaction) {
        if (reaction == null || !REACTION_NAME.matcher(reaction).matches()) {
            throw ConsoleException.badRequest("field 'reaction' must be a short name such as white_check_mark, x or"
                    + " eyes (lower case letters, digits, _ + -), got '" + reaction + "'");
        }
        return reaction;
    }

    private static MessageRef refOf(ConsoleMessage message) {
        return new MessageRef(
                new ThreadRef(ConsoleChatPort.PLATFORM, message.channel(), message.thread()), message.id());
    }
}
