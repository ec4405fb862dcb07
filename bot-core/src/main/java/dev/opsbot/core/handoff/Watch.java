package dev.opsbot.core.handoff;

import dev.opsbot.core.chat.ThreadRef;
import java.time.Instant;
import java.util.Objects;

/**
 * Something the next shift should keep an eye on.
 *
 * @param text what, in words for the channel (redacted by the renderer like everything else)
 */
public record Watch(Kind kind, ThreadRef thread, Instant at, String text) {
    public enum Kind {
        /** An action failed: whatever it was meant to fix is probably still broken. */
        ACTION_FAILED,
        /** opsbot restarted while running an action: check its target before doing anything. */
        ACTION_UNKNOWN,
        /** An action ran, and verification found the service had not recovered. */
        NOT_RECOVERED,
        /** An incident was fixed by rolling back: the bad change may come back with the next deploy. */
        ROLLED_BACK
    }

    public Watch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
    }
}
