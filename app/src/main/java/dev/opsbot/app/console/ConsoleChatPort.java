package dev.opsbot.app.console;

import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.ChatDeliveryException;
import dev.opsbot.core.chat.ChatPort;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.console.AttachmentData;
import dev.opsbot.core.console.ConsoleMessage;
import dev.opsbot.core.console.ConsoleStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * opsbot's voice on the console: replies become stored console messages that open pages see at once. A new thread
 * in a channel (a scheduled handoff) is a new root message there; a direct message to a console user goes into their
 * own channel, {@code @<user id>}, whose threads the console's thread API shows like any other.
 */
public final class ConsoleChatPort implements ChatPort {
    public static final String PLATFORM = "console";
    public static final String BOT_USER = "opsbot";
    /** A console user's own channel is {@code @} and their id: never a configured channel's name. */
    public static final String DIRECT_PREFIX = "@";

    private final ConsoleStore store;
    private final ConsoleHub hub;
    private final ConsoleJson json;
    private final ConsoleIds ids;
    private final Clock clock;
    private final ConsoleUsers users;
    private final List<String> channels;

    /**
     * @param users whom {@link #postDirect} finds by e-mail
     * @param channels where {@link #postToChannel} may start threads
     */
    public ConsoleChatPort(
            ConsoleStore store,
            ConsoleHub hub,
            ConsoleJson json,
            Clock clock,
            ConsoleUsers users,
            List<String> channels) {
        this.store = store;
        this.hub = hub;
        this.json = json;
        this.ids = new ConsoleIds(clock);
        this.clock = clock;
        this.users = users;
        this.channels = List.copyOf(channels);
    }

    /** A port that only answers in threads people started: it knows no users or channels to start threads in. */
    public ConsoleChatPort(ConsoleStore store, ConsoleHub hub, ConsoleJson json, Clock clock) {
        this(store, hub, json, clock, new ConsoleUsers(List.of()), List.of());
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public MessageRef post(ThreadRef thread, Reply reply) {
        return new MessageRef(thread, insert(thread.channel(), thread.thread(), ids.next("b"), reply));
    }

    @Override
    public MessageRef postToChannel(String channel, Reply reply) {
        if (!channels.contains(channel)) {
            throw new ChatDeliveryException(
                    "no console channel '" + channel + "'; channels: "
                            + (channels.isEmpty() ? "none" : String.join(", ", channels)),
                    false,
                    null);
        }
        return startThread(channel, reply);
    }

    @Override
    public MessageRef postDirect(String email, Reply reply) {
        ConsoleUsers.User user = users.all().stream()
                .filter(u -> u.email() != null && u.email().equalsIgnoreCase(email))
                .findFirst()
                .orElseThrow(() -> new ChatDeliveryException(
                        "no console user has the e-mail " + email + " (console.users)", false, null));
        return startThread(DIRECT_PREFIX + user.id(), reply);
    }

    private MessageRef startThread(String channel, Reply reply) {
        String id = ids.next("b");
        insert(channel, id, id, reply);
        return new MessageRef(new ThreadRef(PLATFORM, channel, id), id);
    }

    /** Stores opsbot's message {@code id} in {@code thread} with its images, and shows it to open pages. */
    private String insert(String channel, String thread, String id, Reply reply) {
        ConsoleMessage message = ConsoleMessage.of(
                id, channel, thread, BOT_USER, reply.text(), json.blocks(reply.blocks()), clock.instant());
        store.insert(message);
        List<ConsoleMessage.Attachment> attachments = new ArrayList<>();
        for (Block.Image image : reply.images()) {
            String attachmentId = ids.next("a");
            store.addAttachment(new AttachmentData(attachmentId, id, image.mediaType(), image.title(), image.data()));
            attachments.add(new ConsoleMessage.Attachment(attachmentId, image.mediaType(), image.title()));
        }
        // Shown as written: a new message has no reactions yet, so there is nothing to read back.
        publishCreated(new ConsoleMessage(
                id,
                message.channel(),
                message.thread(),
                BOT_USER,
                message.text(),
                message.blocks(),
                message.ts(),
                attachments,
                List.of()));
        return id;
    }

    @Override
    public void update(MessageRef message, Reply reply) {
        if (!store.update(message.messageId(), reply.text(), json.blocks(reply.blocks()))) {
            throw new ChatDeliveryException("no console message " + message.messageId() + " to update", false, null);
        }
        publish("updated", message.messageId());
    }

    @Override
    public void react(MessageRef message, String reaction) {
        if (store.addReaction(message.messageId(), BOT_USER, reaction, clock.instant())) {
            publishReaction(message.messageId());
        }
    }

    /** Shows a message just stored to every open page. */
    void publishCreated(ConsoleMessage message) {
        hub.publish("message", new MessageEvent("created", message.thread(), message.channel(), json.view(message)));
    }

    void publish(String kind, String messageId) {
        store.find(messageId)
                .ifPresent(m -> hub.publish("message", new MessageEvent(kind, m.thread(), m.channel(), json.view(m))));
    }

    void publishReaction(String messageId) {
        store.find(messageId).ifPresent(m -> hub.publish("reaction", new ReactionEvent(m.thread(), json.view(m))));
    }

    record MessageEvent(String kind, String thread, String channel, ConsoleJson.MessageView message) {}

    record ReactionEvent(String thread, ConsoleJson.MessageView message) {}
}
