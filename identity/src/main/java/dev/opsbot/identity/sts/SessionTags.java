package dev.opsbot.identity.sts;

import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.RequestOrigin;
import dev.opsbot.core.identity.WriteGrant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * The session tags that tie a session to the chat: CloudTrail records them, and the roles' trust policies list
 * exactly these keys ({@code aws:TagKeys}), so no other key may be added without changing every trust policy.
 */
final class SessionTags {
    static final String CHAT_USER = "opsbot:chat-user";
    static final String CHANNEL = "opsbot:channel";
    static final String THREAD = "opsbot:thread";
    static final String REQUEST = "opsbot:request";
    static final String APPROVER = "opsbot:approver";
    static final String PROPOSAL = "opsbot:proposal";

    /** STS's tag value limit, in characters. */
    static final int MAX_VALUE_LENGTH = 256;

    private static final Pattern NOT_ALLOWED = Pattern.compile("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]");

    private SessionTags() {}

    static List<Tag> forRead(Identity person, RequestOrigin origin) {
        return List.of(
                tag(CHAT_USER, chatUser(person)),
                tag(CHANNEL, origin.thread().channel()),
                tag(THREAD, origin.thread().thread()),
                tag(REQUEST, origin.requestId()));
    }

    static List<Tag> forWrite(WriteGrant grant) {
        return List.of(
                tag(APPROVER, grant.approver().email()),
                tag(PROPOSAL, grant.proposalId()),
                tag(THREAD, grant.origin().thread().thread()),
                tag(CHANNEL, grant.origin().thread().channel()),
                tag(CHAT_USER, chatUser(grant.requester())));
    }

    /** Characters STS refuses in a tag value become {@code _}; the value is cut to 256 characters. */
    static String value(String raw) {
        String clean = NOT_ALLOWED.matcher(raw).replaceAll("_");
        return clean.codePoints()
                .limit(MAX_VALUE_LENGTH)
                .mapToObj(Character::toString)
                .collect(Collectors.joining());
    }

    private static String chatUser(Identity person) {
        return person.platform() + ":" + person.chatUserId();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value(value)).build();
    }
}
