package dev.opsbot.core.conversation;

/** What a person asks opsbot for. Later issues add ask, approve, remember and handoff. */
public sealed interface Intent {
    /** "help", "?", "what can you do". */
    record Help() implements Intent {}

    /** "status": version, uptime, what is configured. */
    record Status() implements Intent {}

    /** Anything opsbot has no handler for yet; {@code text} is what was said. */
    record Unrecognized(String text) implements Intent {}
}
