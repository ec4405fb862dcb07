package dev.opsbot.core.testing;

import dev.opsbot.core.OpsbotException;
import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.approval.ProposalStore;
import dev.opsbot.core.approval.Vote;
import dev.opsbot.core.chat.ThreadRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Proposals in maps, for tests of our own code; the database store passes the same contract suite. One lock
 * stands for the database's conditional update: of racing callers exactly one sees the state it expects.
 */
public final class InMemoryProposalStore implements ProposalStore {
    private static final Comparator<Proposal> OLDEST_FIRST =
            Comparator.comparing(Proposal::createdAt).thenComparing(Proposal::id);
    private static final Comparator<Vote> VOTES_OLDEST_FIRST =
            Comparator.comparing(Vote::at).thenComparing(Vote::voterEmail);

    private final Map<String, Proposal> proposals = new LinkedHashMap<>();
    private final Map<String, Map<String, Vote>> votesByProposal = new LinkedHashMap<>();
    private final Map<String, Instant> changedAt = new LinkedHashMap<>();

    @Override
    public synchronized void create(Proposal proposal) {
        if (proposal.state() != ProposalState.PROPOSED) {
            throw new IllegalArgumentException(
                    "a new proposal is PROPOSED, " + proposal.id() + " is " + proposal.state());
        }
        if (proposals.containsKey(proposal.id())) {
            throw new OpsbotException("proposal " + proposal.id() + " exists already");
        }
        if (proposal.messageId() != null) {
            requireMessageFree(proposal.thread().platform(), proposal.messageId(), proposal.id());
        }
        proposals.put(proposal.id(), proposal);
        votesByProposal.put(proposal.id(), new LinkedHashMap<>());
        changedAt.put(proposal.id(), proposal.createdAt());
    }

    @Override
    public synchronized Optional<Proposal> find(String id) {
        return Optional.ofNullable(proposals.get(id));
    }

    @Override
    public synchronized Optional<Proposal> findByMessage(String platform, String messageId) {
        return proposals.values().stream()
                .filter(p -> p.thread().platform().equals(platform) && Objects.equals(p.messageId(), messageId))
                .findFirst();
    }

    @Override
    public synchronized void attachMessage(String id, String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        Proposal proposal = existing(id);
        requireMessageFree(proposal.thread().platform(), messageId, id);
        proposals.put(id, proposal.withMessage(messageId));
    }

    @Override
    public synchronized boolean vote(Vote vote) {
        Map<String, Vote> votes =
                votesByProposal.get(existing(vote.proposalId()).id());
        Vote standing = votes.get(vote.voterEmail());
        if (standing != null && standing.kind() == vote.kind()) {
            return false;
        }
        votes.put(vote.voterEmail(), vote);
        return true;
    }

    @Override
    public synchronized boolean withdraw(String proposalId, String voterEmail, Vote.Kind kind) {
        Map<String, Vote> votes = votesByProposal.getOrDefault(proposalId, Map.of());
        Vote standing = votes.get(voterEmail);
        return standing != null && standing.kind() == kind && votes.remove(voterEmail) != null;
    }

    @Override
    public synchronized List<Vote> votes(String proposalId) {
        List<Vote> votes = new ArrayList<>(
                votesByProposal.getOrDefault(proposalId, Map.of()).values());
        votes.sort(VOTES_OLDEST_FIRST);
        return votes;
    }

    @Override
    public synchronized boolean transition(
            String id, ProposalState from, ProposalState to, String owner, String outcome, Instant at) {
        requireTransition(id, from, to, at);
        Proposal proposal = proposals.get(id);
        if (proposal == null || proposal.state() != from) {
            return false;
        }
        proposals.put(id, proposal.withState(to, owner, outcome));
        changedAt.put(id, at);
        return true;
    }

    @Override
    public synchronized List<Proposal> inState(ProposalState state, int limit) {
        Objects.requireNonNull(state, "state");
        return oldestFirst(p -> p.state() == state, limit);
    }

    @Override
    public synchronized List<Proposal> dueToExpire(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        return oldestFirst(p -> p.state() == ProposalState.PROPOSED && p.expiredAt(now), limit);
    }

    @Override
    public synchronized List<Proposal> inThread(ThreadRef thread) {
        Objects.requireNonNull(thread, "thread");
        return oldestFirst(p -> p.thread().equals(thread), Integer.MAX_VALUE);
    }

    @Override
    public synchronized List<Proposal> changedSince(Instant since, int limit) {
        Objects.requireNonNull(since, "since");
        return oldestFirst(p -> !changedAt.get(p.id()).isBefore(since), limit);
    }

    private List<Proposal> oldestFirst(Predicate<Proposal> wanted, int limit) {
        return proposals.values().stream()
                .filter(wanted)
                .sorted(OLDEST_FIRST)
                .limit(Math.max(0, limit))
                .toList();
    }

    /** The same checks as the database store's: bad calls fail loudly instead of quietly returning false. */
    private static void requireTransition(String id, ProposalState from, ProposalState to, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        from.requireMoveTo(to, id);
    }

    private Proposal existing(String id) {
        Proposal proposal = proposals.get(id);
        if (proposal == null) {
            throw new IllegalArgumentException("no proposal " + id);
        }
        return proposal;
    }

    private void requireMessageFree(String platform, String messageId, String id) {
        findByMessage(platform, messageId)
                .filter(other -> !other.id().equals(id))
                .ifPresent(other -> {
                    throw new OpsbotException(
                            "message " + platform + "/" + messageId + " shows proposal " + other.id() + " already");
                });
    }
}
