package dev.opsbot.db.approval;

import static dev.opsbot.db.generated.Tables.PROPOSAL;

import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.approval.ProposalStore;
import dev.opsbot.core.approval.Vote;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.db.DuplicateKeyException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Proposals in table {@code proposal}, their votes in {@code proposal_vote}. Nothing here reads a state and then
 * writes: {@link #transition} is one {@code UPDATE ... WHERE id = ? AND state = ?}, and both databases re-check that
 * condition after waiting for the row lock, so of any number of racing threads or replicas exactly one updates the
 * row and gets {@code true}.
 */
public final class JooqProposalStore implements ProposalStore {
    private final DSLContext dsl;
    private final ProposalVotes votes;

    /** @param dsl a {@link dev.opsbot.db.Database#dsl()}, whose error translation this relies on */
    public JooqProposalStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.votes = new ProposalVotes(dsl);
    }

    /** @throws DuplicateKeyException when the id is taken, or another proposal is shown by its message */
    @Override
    public void create(Proposal proposal) {
        ProposalArguments.requireNew(proposal);
        try {
            dsl.insertInto(PROPOSAL).set(ProposalRows.toRecord(dsl, proposal)).execute();
        } catch (DuplicateKeyException taken) {
            if (dsl.fetchExists(PROPOSAL, PROPOSAL.ID.eq(proposal.id()))) {
                throw new DuplicateKeyException("proposal " + proposal.id() + " exists already", taken);
            }
            throw messageTaken(proposal.thread().platform(), proposal.messageId(), taken);
        }
    }

    @Override
    public Optional<Proposal> find(String id) {
        Objects.requireNonNull(id, "id");
        return dsl.selectFrom(PROPOSAL)
                .where(PROPOSAL.ID.eq(id))
                .fetchOptional()
                .map(ProposalRows::toProposal);
    }

    @Override
    public Optional<Proposal> findByMessage(String platform, String messageId) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(messageId, "messageId");
        return dsl.selectFrom(PROPOSAL)
                .where(PROPOSAL.PLATFORM.eq(platform))
                .and(PROPOSAL.MESSAGE_ID.eq(messageId))
                .fetchOptional()
                .map(ProposalRows::toProposal);
    }

    /**
     * @throws IllegalArgumentException when there is no such proposal
     * @throws DuplicateKeyException when the message shows another proposal already
     */
    @Override
    public void attachMessage(String id, String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        int updated;
        try {
            updated = dsl.update(PROPOSAL)
                    .set(PROPOSAL.MESSAGE_ID, messageId)
                    .where(PROPOSAL.ID.eq(id))
                    .execute();
        } catch (DuplicateKeyException taken) {
            String platform = dsl.select(PROPOSAL.PLATFORM)
                    .from(PROPOSAL)
                    .where(PROPOSAL.ID.eq(id))
                    .fetchOne(PROPOSAL.PLATFORM);
            throw messageTaken(platform, messageId, taken);
        }
        if (updated == 0) {
            throw new IllegalArgumentException("no proposal " + id + " to attach message " + messageId + " to");
        }
    }

    private DuplicateKeyException messageTaken(String platform, String messageId, DuplicateKeyException cause) {
        String shown = findByMessage(platform, messageId).map(Proposal::id).orElse("another proposal");
        return new DuplicateKeyException(
                "message " + platform + "/" + messageId + " shows proposal " + shown + " already", cause);
    }

    /** @throws IllegalArgumentException when there is no such proposal */
    @Override
    public boolean vote(Vote vote) {
        return votes.vote(Objects.requireNonNull(vote, "vote"));
    }

    @Override
    public boolean withdraw(String proposalId, String voterEmail, Vote.Kind kind) {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(voterEmail, "voterEmail");
        Objects.requireNonNull(kind, "kind");
        return votes.withdraw(proposalId, voterEmail, kind);
    }

    @Override
    public List<Vote> votes(String proposalId) {
        return votes.of(Objects.requireNonNull(proposalId, "proposalId"));
    }

    /** @throws IllegalArgumentException for a move out of a final state, or to the same state */
    @Override
    public boolean transition(
            String id, ProposalState from, ProposalState to, String owner, String outcome, Instant at) {
        ProposalArguments.requireTransition(id, from, to, at);
        return dsl.update(PROPOSAL)
                        .set(PROPOSAL.STATE, to.name())
                        .set(PROPOSAL.OWNER, owner)
                        .set(PROPOSAL.OUTCOME, outcome)
                        .set(PROPOSAL.UPDATED_AT, at)
                        .where(PROPOSAL.ID.eq(id))
                        .and(PROPOSAL.STATE.eq(from.name()))
                        .execute()
                == 1;
    }

    @Override
    public List<Proposal> inState(ProposalState state, int limit) {
        Objects.requireNonNull(state, "state");
        return oldestFirst(PROPOSAL.STATE.eq(state.name()), limit);
    }

    @Override
    public List<Proposal> dueToExpire(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        return oldestFirst(PROPOSAL.STATE.eq(ProposalState.PROPOSED.name()).and(PROPOSAL.EXPIRES_AT.le(now)), limit);
    }

    @Override
    public List<Proposal> inThread(ThreadRef thread) {
        Objects.requireNonNull(thread, "thread");
        return oldestFirst(
                PROPOSAL.PLATFORM
                        .eq(thread.platform())
                        .and(PROPOSAL.CHANNEL.eq(thread.channel()))
                        .and(PROPOSAL.THREAD_ID.eq(thread.thread())),
                Integer.MAX_VALUE);
    }

    /** Created or moved by {@link #transition} at or after {@code since}; attaching a message or a vote is no change. */
    @Override
    public List<Proposal> changedSince(Instant since, int limit) {
        Objects.requireNonNull(since, "since");
        return oldestFirst(PROPOSAL.UPDATED_AT.ge(since), limit);
    }

    private List<Proposal> oldestFirst(Condition wanted, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return dsl.selectFrom(PROPOSAL)
                .where(wanted)
                .orderBy(PROPOSAL.CREATED_AT, PROPOSAL.ID)
                .limit(limit)
                .fetch(ProposalRows::toProposal);
    }
}
