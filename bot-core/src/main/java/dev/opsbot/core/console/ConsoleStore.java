package dev.opsbot.core.console;

import java.util.List;
import java.util.Optional;

/** The console platform's messages, reactions and attachments. */
public interface ConsoleStore {

    /** Stores a new message; an id that exists already is an error. */
    void insert(ConsoleMessage message);

    /** Replaces the text and blocks of a message (progress updates); {@code false} when no such message. */
    boolean update(String messageId, String text, String blocks);

    /** The message with its attachments and reactions. */
    Optional<ConsoleMessage> find(String messageId);

    /** The thread's messages, oldest first, with attachments and reactions; empty when there is no such thread. */
    List<ConsoleMessage> thread(String threadId);

    /** Adds a reaction; {@code false} when this user already had this reaction on this message. */
    boolean addReaction(String messageId, String user, String reaction, java.time.Instant at);

    /** Removes a reaction; {@code false} when there was none. */
    boolean removeReaction(String messageId, String user, String reaction);

    void addAttachment(AttachmentData attachment);

    Optional<AttachmentData> attachment(String attachmentId);

    /** Root messages of a channel's threads, newest first (the console's thread list). */
    List<ConsoleMessage> recentThreads(String channel, int limit);

    /** How many messages are stored (bench and tests check nothing is lost or doubled). */
    long count();
}
