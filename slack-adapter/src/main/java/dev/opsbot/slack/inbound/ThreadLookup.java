package dev.opsbot.slack.inbound;

import java.util.Optional;

/**
 * The thread a Slack message belongs to. Slack's {@code reaction_added}/{@code reaction_removed} events name only the
 * reacted-to message ({@code item.ts}), never its thread; the lead backs this port with the bot-message store, which
 * records every message opsbot posted together with its thread (the messages whose reactions matter).
 */
@FunctionalInterface
public interface ThreadLookup {
    /** Knows no thread: a reaction's thread is then the reacted-to message's own ts. */
    ThreadLookup NONE = (channel, messageTs) -> Optional.empty();

    /** The ts of the thread's root message, or empty when the message is unknown. */
    Optional<String> threadOf(String channel, String messageTs);
}
