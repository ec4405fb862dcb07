package dev.opsbot.teams.auth;

import java.util.List;
import java.util.Objects;

/** What {@link BotConnectorTokens} made of a request's token. */
public sealed interface TokenCheck {

    /** Why a token was refused; the name goes into the 401's body, the detail only into opsbot's log. */
    enum Reason {
        NO_TOKEN,
        MALFORMED,
        ALGORITHM,
        UNKNOWN_KEY,
        SIGNATURE,
        ISSUER,
        AUDIENCE,
        EXPIRED,
        NOT_YET_VALID,
        CHANNEL_NOT_ENDORSED,
        SERVICE_URL
    }

    /**
     * A token the Bot Connector signed for this bot, still valid. {@link #admits} then checks it against the
     * activity it came with.
     *
     * @param serviceUrl the token's {@code serviceurl} claim, or null when it has none
     * @param endorsements the channels the signing key is endorsed for; empty when the key names none
     */
    record Valid(String serviceUrl, List<String> endorsements) implements TokenCheck {
        public Valid {
            endorsements = List.copyOf(endorsements);
        }

        /**
         * Whether this token may carry an activity from {@code channelId} that asks for answers at {@code
         * activityServiceUrl}: the Bot Framework's rule, so that a token issued for one connector cannot send opsbot's
         * replies (and its own outbound token) to another host.
         */
        public TokenCheck admits(String activityServiceUrl, String channelId) {
            if (!endorsements.isEmpty() && (channelId == null || !endorsements.contains(channelId))) {
                return new Refused(
                        Reason.CHANNEL_NOT_ENDORSED, "the signing key is not endorsed for channel " + channelId);
            }
            if (serviceUrl == null) {
                return new Refused(Reason.SERVICE_URL, "the token has no serviceurl claim");
            }
            if (activityServiceUrl == null || !serviceUrl.equalsIgnoreCase(activityServiceUrl)) {
                return new Refused(
                        Reason.SERVICE_URL,
                        "the token is for " + serviceUrl + ", the activity names " + activityServiceUrl);
            }
            return this;
        }
    }

    /** A refused token; {@code detail} says what was wrong and never contains the token. */
    record Refused(Reason reason, String detail) implements TokenCheck {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
        }

        @Override
        public String toString() {
            return reason + ": " + detail;
        }
    }
}
