package dev.opsbot.identity.sts;

/**
 * STS role session names: CloudTrail shows them next to every call, so they name the person and the request or
 * proposal. STS allows {@code [\w+=,.@-]}, 2 to 64 characters.
 */
final class SessionNames {
    static final int MAX_LENGTH = 64;

    private SessionNames() {}

    /** {@code opsbot-alice-<request>}. */
    static String forRead(String email, String requestId) {
        return name("opsbot-" + clip(localPart(email), 32) + "-" + clip(requestId, 16));
    }

    /** {@code opsbot-w-alice-<proposal>}. */
    static String forWrite(String email, String proposalId) {
        return name("opsbot-w-" + clip(localPart(email), 16) + "-" + proposalId);
    }

    static String name(String raw) {
        String clean = raw.replaceAll("[^\\w+=,.@-]", "_");
        return clip(clean, MAX_LENGTH);
    }

    private static String localPart(String email) {
        int at = email.indexOf('@');
        return at > 0 ? email.substring(0, at) : email;
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
