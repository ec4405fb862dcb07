package dev.opsbot.db.approval;

import static dev.opsbot.db.generated.Tables.PROPOSAL;
import static dev.opsbot.db.generated.Tables.PROPOSAL_VOTE;

import dev.opsbot.core.approval.Vote;
import dev.opsbot.db.DatabaseException;
import dev.opsbot.db.generated.tables.records.ProposalVoteRecord;
import dev.opsbot.db.internal.Inserts;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Votes in table {@code proposal_vote}, one row per proposal and person. Each step is one statement the database
 * decides alone: of racing deliveries of one vote exactly one inserts it, and a changed mind is an update that only
 * matches a vote of the other kind.
 */
final class ProposalVotes {
    // a vote withdrawn between our insert and our update is the only reason to go round again
    private static final int ATTEMPTS = 3;

    private final DSLContext dsl;

    ProposalVotes(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean vote(Vote vote) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (insert(vote) || replaceOtherKind(vote)) {
                return true;
            }
            if (dsl.fetchExists(
                    PROPOSAL_VOTE,
                    key(vote.proposalId(), vote.voterEmail())
                            .and(PROPOSAL_VOTE.KIND.eq(vote.kind().name())))) {
                return false;
            }
        }
        throw new DatabaseException(
                "the vote of " + vote.voterEmail() + " on proposal " + vote.proposalId()
                        + " kept being withdrawn while it was recorded",
                true,
                null);
    }

    private boolean insert(Vote vote) {
        try {
            return Inserts.ifAbsent(dsl.insertInto(PROPOSAL_VOTE)
                    .set(PROPOSAL_VOTE.PROPOSAL_ID, vote.proposalId())
                    .set(PROPOSAL_VOTE.VOTER_EMAIL, vote.voterEmail())
                    .set(PROPOSAL_VOTE.VOTER_CHAT_ID, vote.voterChatId())
                    .set(PROPOSAL_VOTE.KIND, vote.kind().name())
                    .set(PROPOSAL_VOTE.AT, vote.at()));
        } catch (DatabaseException refused) {
            // the foreign key: no such proposal, which is the caller's mistake, not the database's
            if (!dsl.fetchExists(PROPOSAL, PROPOSAL.ID.eq(vote.proposalId()))) {
                throw new IllegalArgumentException("no proposal " + vote.proposalId() + " to vote on", refused);
            }
            throw refused;
        }
    }

    private boolean replaceOtherKind(Vote vote) {
        return dsl.update(PROPOSAL_VOTE)
                        .set(PROPOSAL_VOTE.VOTER_CHAT_ID, vote.voterChatId())
                        .set(PROPOSAL_VOTE.KIND, vote.kind().name())
                        .set(PROPOSAL_VOTE.AT, vote.at())
                        .where(key(vote.proposalId(), vote.voterEmail()))
                        .and(PROPOSAL_VOTE.KIND.ne(vote.kind().name()))
                        .execute()
                == 1;
    }

    boolean withdraw(String proposalId, String voterEmail, Vote.Kind kind) {
        return dsl.deleteFrom(PROPOSAL_VOTE)
                        .where(key(proposalId, voterEmail))
                        .and(PROPOSAL_VOTE.KIND.eq(kind.name()))
                        .execute()
                == 1;
    }

    /** Oldest first; two votes cast in the same instant in the order of the voters' emails. */
    List<Vote> of(String proposalId) {
        return dsl.selectFrom(PROPOSAL_VOTE)
                .where(PROPOSAL_VOTE.PROPOSAL_ID.eq(proposalId))
                .orderBy(PROPOSAL_VOTE.AT, PROPOSAL_VOTE.VOTER_EMAIL)
                .fetch(ProposalVotes::toVote);
    }

    private static Vote toVote(ProposalVoteRecord row) {
        Vote.Kind kind;
        try {
            kind = Vote.Kind.valueOf(row.getKind());
        } catch (IllegalArgumentException unknown) {
            throw new DatabaseException(
                    "the vote of " + row.getVoterEmail() + " on proposal " + row.getProposalId()
                            + " has a kind this version does not know: " + row.getKind(),
                    false,
                    unknown);
        }
        return new Vote(row.getProposalId(), row.getVoterEmail(), row.getVoterChatId(), kind, row.getAt());
    }

    private static Condition key(String proposalId, String voterEmail) {
        return PROPOSAL_VOTE.PROPOSAL_ID.eq(proposalId).and(PROPOSAL_VOTE.VOTER_EMAIL.eq(voterEmail));
    }
}
