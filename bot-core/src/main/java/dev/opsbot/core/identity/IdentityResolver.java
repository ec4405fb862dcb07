package dev.opsbot.core.identity;

import dev.opsbot.core.chat.ChatUser;

/**
 * Chat user to person: e-mail from the platform, then the directory, then the configured group mappings. Refuses by
 * default: a person the directory does not know, or whose groups map to nothing, gets a {@link Resolution.Refused}
 * that says who to ask and what to ask for.
 */
public interface IdentityResolver {
    Resolution resolve(String platform, ChatUser user);

    /** Drops any cached mapping of this user: the next {@link #resolve} asks the directory. */
    void forget(String platform, String chatUserId);

    /** What to ask for, and of whom, to get access in {@code environment}: one sentence for chat. */
    String howToGetAccess(String environment);
}
