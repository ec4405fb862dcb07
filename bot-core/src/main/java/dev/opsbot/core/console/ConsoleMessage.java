package dev.opsbot.core.console;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One console message. {@code thread} is the id of the thread's root message (a root message's thread is its own
 * id). {@code blocks} is the rendered JSON array of a bot reply's blocks, {@code null} for a person's message.
 */
public record ConsoleMessage(
        String id,
        String channel,
        String thread,
        String user,
        String text,
        String blocks,
        Instant ts,
        List<Attachment> attachments,
        List<Reaction> reactions) {

    public ConsoleMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(ts, "ts");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        reactions = reactions == null ? List.of() : List.copyOf(reactions);
    }

    /** A new message with no attachments or reactions yet. */
    public static ConsoleMessage of(
            String id, String channel, String thread, String user, String text, String blocks, Instant ts) {
        return new ConsoleMessage(id, channel, thread, user, text, blocks, ts, List.of(), List.of());
    }

    /** An image or file attached to a message; its bytes are fetched separately by id. */
    public record Attachment(String id, String type, String title) {
        public Attachment {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
        }
    }

    /** A reaction and who put it on, in the order they did. */
    public record Reaction(String name, List<String> users) {
        public Reaction {
            Objects.requireNonNull(name, "name");
            users = List.copyOf(users);
        }
    }
}
