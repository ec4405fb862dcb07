package dev.opsbot.core.approval;

import java.time.Instant;
import java.util.Objects;

/**
 * One person's standing decision on a proposal, from a reaction or a button. Removing the reaction withdraws it.
 *
 * @param voterEmail who, as the directory knows them (one vote per person, whatever platform or reaction)
 * @param voterChatId their chat user id
 */
public record Vote(String proposalId, String voterEmail, String voterChatId, Kind kind, Instant at) {
    /** Approve or reject. */
    public enum Kind {
        APPROVE,
        REJECT
    }

    public Vote {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(voterEmail, "voterEmail");
        Objects.requireNonNull(voterChatId, "voterChatId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
