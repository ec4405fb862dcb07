package dev.opsbot.core.identity;

import dev.opsbot.core.chat.ChatUser;
import java.util.Optional;

/**
 * Who a chat user is on their platform (Slack's {@code users.info}, the Teams roster): asked while an event is being
 * handled, never while the platform waits for its acknowledgement, so a slow directory cannot make Slack retry.
 */
@FunctionalInterface
public interface PlatformUsers {
    PlatformUsers NONE = (platform, userId) -> Optional.empty();

    Optional<ChatUser> find(String platform, String userId);
}
