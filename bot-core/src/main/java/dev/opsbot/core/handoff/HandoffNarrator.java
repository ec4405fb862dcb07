package dev.opsbot.core.handoff;

import java.util.Optional;

/** Writes a few sentences about a handoff for the next shift; empty when it has nothing (or no model) to add. */
@FunctionalInterface
public interface HandoffNarrator {
    /** No model configured: the handoff is its deterministic part alone. */
    HandoffNarrator NONE = report -> Optional.empty();

    Optional<String> narrate(HandoffReport report);
}
