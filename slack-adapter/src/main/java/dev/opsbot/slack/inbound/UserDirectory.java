package dev.opsbot.slack.inbound;

import dev.opsbot.core.chat.ChatUser;
import java.util.Optional;

/**
 * Who a Slack user id belongs to, email included: identity mapping keys on the email. Implemented outside this
 * package (with {@code users.info} and a cache). It is called on the acknowledgement path, so an implementation must
 * answer from its cache in the common case and bound its network call (Slack wants the ack within 3 s).
 */
@FunctionalInterface
public interface UserDirectory {
    /** Knows nobody: every user becomes {@link ChatUser#of(String)}, without an email. */
    UserDirectory NONE = userId -> Optional.empty();

    Optional<ChatUser> user(String userId);
}
