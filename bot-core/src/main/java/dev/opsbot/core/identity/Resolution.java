package dev.opsbot.core.identity;

import java.util.Objects;

/** The outcome of resolving a chat user: a person with their access, or a refusal a person can act on. */
public sealed interface Resolution {
    record Mapped(Identity identity) implements Resolution {
        public Mapped {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /**
     * @param reason why, in a sentence about the person ("mallory has no e-mail address on this platform")
     * @param remedy who to ask and what to ask for
     */
    record Refused(RefusalKind kind, String reason, String remedy) implements Resolution {
        public Refused {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(remedy, "remedy");
        }

        /** The whole answer for chat. */
        public String message() {
            return reason + ". " + remedy;
        }
    }

    /** Why a person could not be mapped. */
    enum RefusalKind {
        /** The platform gave no e-mail address (Slack needs the {@code users:read.email} scope). */
        NO_EMAIL,
        /** The directory has no user with this e-mail. */
        NOT_IN_DIRECTORY,
        /** The person is in the directory, but none of their groups is mapped. */
        NO_MAPPED_GROUP,
        /** The directory could not be asked (timeout, throttling, outage); trying again may work. */
        DIRECTORY_UNAVAILABLE
    }
}
