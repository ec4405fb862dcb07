package dev.opsbot.core.store;

import java.time.Instant;
import java.util.Optional;

/**
 * How to reach a channel or a person on a platform later, without an inbound event to answer (a scheduled handoff, a
 * direct message): Teams' conversation references, kept in the database so any replica can post. The address is the
 * platform's own, opaque here (JSON for Teams).
 */
public interface ChatAddresses {
    /** Remembers (or refreshes) how to reach {@code key} on {@code platform}. */
    void remember(String platform, String key, String address, Instant at);

    Optional<String> find(String platform, String key);
}
