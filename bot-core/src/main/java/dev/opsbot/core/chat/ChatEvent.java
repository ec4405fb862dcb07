package dev.opsbot.core.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened on a chat platform and reached opsbot. {@link #eventId()} is the platform's own id for
 * the delivery (Slack's {@code event_id}, a Teams activity id, a console message id): the dispatcher dedupes on it,
 * so a retried or twice-delivered event is handled once.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ChatEvent.Mention.class, name = "mention"),
    @JsonSubTypes.Type(value = ChatEvent.Message.class, name = "message"),
    @JsonSubTypes.Type(value = ChatEvent.ReactionAdded.class, name = "reaction_added"),
    @JsonSubTypes.Type(value = ChatEvent.ReactionRemoved.class, name = "reaction_removed"),
    @JsonSubTypes.Type(value = ChatEvent.Command.class, name = "command"),
})
public sealed interface ChatEvent {
    String eventId();

    ThreadRef thread();

    ChatUser user();

    Instant at();

    default String platform() {
        return thread().platform();
    }

    /** A message addressed to opsbot; {@code text} has the mention itself stripped. */
    record Mention(String eventId, ThreadRef thread, String messageId, ChatUser user, String text, Instant at)
            implements ChatEvent {
        public Mention {
            checkCommon(eventId, thread, user, at);
            text = text == null ? "" : text.strip();
        }
    }

    /** A message in a thread opsbot takes part in, not addressed to it by name. */
    record Message(String eventId, ThreadRef thread, String messageId, ChatUser user, String text, Instant at)
            implements ChatEvent {
        public Message {
            checkCommon(eventId, thread, user, at);
            text = text == null ? "" : text.strip();
        }
    }

    /** A reaction (Slack short name, e.g. {@code white_check_mark}) put on a message. */
    record ReactionAdded(String eventId, MessageRef target, ChatUser user, String reaction, Instant at)
            implements ChatEvent {
        public ReactionAdded {
            Objects.requireNonNull(target, "target");
            checkCommon(eventId, target.thread(), user, at);
            ChatUser.requireText(reaction, "reaction");
        }

        @Override
        public ThreadRef thread() {
            return target.thread();
        }
    }

    /** A reaction taken back. */
    record ReactionRemoved(String eventId, MessageRef target, ChatUser user, String reaction, Instant at)
            implements ChatEvent {
        public ReactionRemoved {
            Objects.requireNonNull(target, "target");
            checkCommon(eventId, target.thread(), user, at);
            ChatUser.requireText(reaction, "reaction");
        }

        @Override
        public ThreadRef thread() {
            return target.thread();
        }
    }

    /** A slash command such as {@code /opsbot status}; {@code text} is what follows the command. */
    record Command(String eventId, ThreadRef thread, ChatUser user, String command, String text, Instant at)
            implements ChatEvent {
        public Command {
            checkCommon(eventId, thread, user, at);
            ChatUser.requireText(command, "command");
            text = text == null ? "" : text.strip();
        }
    }

    private static void checkCommon(String eventId, ThreadRef thread, ChatUser user, Instant at) {
        ChatUser.requireText(eventId, "eventId");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(at, "at");
    }
}
