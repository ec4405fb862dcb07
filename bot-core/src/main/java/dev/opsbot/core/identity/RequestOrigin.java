package dev.opsbot.core.identity;

import dev.opsbot.core.chat.ThreadRef;
import java.util.Objects;

/**
 * The chat request a credential is issued for. It names the STS session and its tags, so CloudTrail ties every call
 * to a person, a channel and a thread.
 *
 * @param thread where the request was made
 * @param chatUserId who made it, on that platform
 * @param requestId the platform's id of the message or event that asked
 */
public record RequestOrigin(ThreadRef thread, String chatUserId, String requestId) {
    public RequestOrigin {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(chatUserId, "chatUserId");
        Objects.requireNonNull(requestId, "requestId");
    }
}
