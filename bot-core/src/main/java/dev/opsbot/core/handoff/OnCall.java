package dev.opsbot.core.handoff;

import java.time.Instant;
import java.util.Optional;

/** Who takes over a channel's on-call at a time: the person the handoff is sent to. */
@FunctionalInterface
public interface OnCall {
    /** Nobody is known: the handoff is only posted in the channel. */
    OnCall NONE = (platform, channel, at) -> Optional.empty();

    /** The e-mail of whoever is on call for {@code channel} from {@code at}, if known. */
    Optional<String> next(String platform, String channel, Instant at);
}
