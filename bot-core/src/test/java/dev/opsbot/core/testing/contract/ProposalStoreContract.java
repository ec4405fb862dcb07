package dev.opsbot.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.OpsbotException;
import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.approval.ProposalStore;
import dev.opsbot.core.approval.ProposedAction;
import dev.opsbot.core.approval.Vote;
import dev.opsbot.core.approval.Vote.Kind;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.tool.Risk;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProposalStore} promises: proposals and votes kept as given, and state changes that happen once
 * however many threads or replicas try them at the same instant (what makes an approved action run exactly once).
 */
public abstract class ProposalStoreContract {
    protected static final Instant T0 = Instant.parse("2026-03-10T02:35:00Z");
    protected static final Duration EXPIRY = Duration.ofMinutes(15);
    protected static final ThreadRef INCIDENT = new ThreadRef("slack", "C-incident", "1710037800.000100");
    protected static final ProposedAction ROLLBACK = new ProposedAction(
            "kubernetes.rollback",
            "Deployment/shop/checkout",
            Map.of("toRevision", 41),
            "rollback Deployment shop/checkout to revision 41",
            Risk.WRITE);

    protected ProposalStore store;

    /** A new store over empty storage. */
    protected abstract ProposalStore newStore();

    /**
     * A second store over the same storage, as another replica sees it (its own connection pool, say). Fakes that
     * keep their state in the instance return it unchanged.
     */
    protected ProposalStore anotherReplicaOf(ProposalStore store) {
        return store;
    }

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    /** A new, unposted proposal of a rollback in production, created at {@code createdAt}. */
    protected static Proposal proposal(String id, Instant createdAt) {
        return new Proposal(
                id,
                INCIDENT,
                null,
                ROLLBACK,
                "production",
                "alice@example.com",
                "U-alice",
                "triage: oom",
                createdAt,
                createdAt.plus(EXPIRY),
                1,
                ProposalState.PROPOSED,
                null,
                null);
    }

    protected static Proposal proposal(String id) {
        return proposal(id, T0);
    }

    private static Proposal on(ThreadRef thread, Proposal proposal) {
        return new Proposal(
                proposal.id(),
                thread,
                proposal.messageId(),
                proposal.action(),
                proposal.environment(),
                proposal.requesterEmail(),
                proposal.requesterChatId(),
                proposal.source(),
                proposal.createdAt(),
                proposal.expiresAt(),
                proposal.approvalsRequired(),
                proposal.state(),
                proposal.owner(),
                proposal.outcome());
    }

    private static Vote vote(String proposalId, String voter, Kind kind, Instant at) {
        return new Vote(proposalId, voter + "@example.com", "U-" + voter, kind, at);
    }

    private ProposalState stateOf(String id) {
        return store.find(id).orElseThrow().state();
    }

    // ---- what is kept --------------------------------------------------------------------------------------------

    @Test
    void proposalWithEveryFieldComesBackEqual() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("namespace", "shop");
        params.put("replicas", 0);
        params.put("force", true);
        params.put("ratio", 0.5);
        params.put("containers", List.of("checkout", "istio-proxy"));
        params.put("selector", Map.of("app", "checkout", "tier", "web"));
        params.put("note", "scale to zero — “quoted” ünïcødé \\ \"json\"");
        Proposal full = new Proposal(
                "P-0001",
                new ThreadRef("teams", "19:abc@thread.tacv2", "1710037800123"),
                "1710037900456",
                new ProposedAction(
                        "kubernetes.scale",
                        "Deployment/shop/checkout",
                        params,
                        "scale Deployment shop/checkout to 0 replicas",
                        Risk.DESTRUCTIVE),
                "production",
                "dana.lee@example.com",
                "29:1a2b3c",
                "triage: capacity",
                Instant.parse("2026-03-10T02:35:00.123Z"),
                Instant.parse("2026-03-10T02:50:00.123Z"),
                2,
                ProposalState.PROPOSED,
                null,
                null);

        store.create(full);

        assertThat(store.find("P-0001")).contains(full);
        assertThat(anotherReplicaOf(store).find("P-0001")).contains(full);
    }

    @Test
    void unpostedProposalWithoutSourceComesBackEqual() {
        Proposal bare = new Proposal(
                "P-1",
                INCIDENT,
                null,
                new ProposedAction(
                        "argocd.sync", "Application/checkout", null, "sync Application checkout", Risk.WRITE),
                "staging",
                "alice@example.com",
                "U-alice",
                null,
                T0,
                T0.plus(EXPIRY),
                1,
                ProposalState.PROPOSED,
                null,
                null);

        store.create(bare);

        assertThat(store.find("P-1")).contains(bare);
    }

    @Test
    void unknownProposalIsNotFound() {
        store.create(proposal("P-1"));

        assertThat(store.find("P-2")).isEmpty();
    }

    @Test
    void secondCreateOfOneIdIsRefusedAndTheFirstIsKept() {
        store.create(proposal("P-1"));
        Proposal impostor = on(new ThreadRef("slack", "C-other", "1.2"), proposal("P-1", T0.plusSeconds(5)));

        assertThatThrownBy(() -> anotherReplicaOf(store).create(impostor))
                .isInstanceOf(OpsbotException.class)
                .hasMessageContaining("P-1");
        assertThat(store.find("P-1")).contains(proposal("P-1"));
    }

    @Test
    void createRefusesAProposalThatIsNotNew() {
        Proposal approved = proposal("P-1").withState(ProposalState.APPROVED, null, null);

        assertThatThrownBy(() -> store.create(approved))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P-1")
                .hasMessageContaining("APPROVED");
        assertThat(store.find("P-1")).isEmpty();
    }

    @Test
    void manyProposalsCanWaitToBePostedAtOnce() {
        store.create(proposal("P-1"));
        store.create(proposal("P-2"));
        store.create(on(new ThreadRef("teams", "19:abc", "m0"), proposal("P-3")));

        assertThat(store.inState(ProposalState.PROPOSED, 10))
                .extracting(Proposal::id)
                .containsExactly("P-1", "P-2", "P-3");
        assertThat(store.find("P-2").orElseThrow().messageId()).isNull();
    }

    // ---- the message that shows it -------------------------------------------------------------------------------

    @Test
    void attachedMessageFindsTheProposal() {
        store.create(proposal("P-1"));
        store.create(proposal("P-2"));

        store.attachMessage("P-1", "1710037900.000200");

        assertThat(store.find("P-1").orElseThrow().messageId()).isEqualTo("1710037900.000200");
        assertThat(anotherReplicaOf(store).findByMessage("slack", "1710037900.000200"))
                .contains(proposal("P-1").withMessage("1710037900.000200"));
        assertThat(store.find("P-2").orElseThrow().messageId()).isNull();
    }

    @Test
    void proposalCreatedWithItsMessageIsFoundByIt() {
        Proposal posted = proposal("P-1").withMessage("m1");

        store.create(posted);

        assertThat(store.findByMessage("slack", "m1")).contains(posted);
    }

    @Test
    void findByMessageKeepsPlatformsApart() {
        store.create(proposal("P-slack").withMessage("m1"));
        store.create(
                on(new ThreadRef("teams", "19:abc", "m0"), proposal("P-teams")).withMessage("m1"));

        assertThat(store.findByMessage("slack", "m1")).map(Proposal::id).contains("P-slack");
        assertThat(store.findByMessage("teams", "m1")).map(Proposal::id).contains("P-teams");
        assertThat(store.findByMessage("console", "m1")).isEmpty();
        assertThat(store.findByMessage("slack", "m2")).isEmpty();
    }

    @Test
    void aMessageShowsAtMostOneProposal() {
        store.create(proposal("P-1"));
        store.create(proposal("P-2"));
        store.attachMessage("P-1", "m1");

        assertThatThrownBy(() -> store.attachMessage("P-2", "m1"))
                .isInstanceOf(OpsbotException.class)
                .hasMessageContaining("m1");
        assertThat(store.find("P-2").orElseThrow().messageId()).isNull();
        assertThat(store.findByMessage("slack", "m1").map(Proposal::id)).contains("P-1");
    }

    @Test
    void attachingAgainReplacesTheMessage() {
        store.create(proposal("P-1"));
        store.attachMessage("P-1", "m1");

        store.attachMessage("P-1", "m1");
        store.attachMessage("P-1", "m2");

        assertThat(store.findByMessage("slack", "m2").map(Proposal::id)).contains("P-1");
        assertThat(store.findByMessage("slack", "m1")).isEmpty();
    }

    @Test
    void attachingAMessageToAnUnknownProposalIsRefused() {
        assertThatThrownBy(() -> store.attachMessage("P-404", "m1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P-404");
        assertThat(store.findByMessage("slack", "m1")).isEmpty();
    }

    // ---- transitions ---------------------------------------------------------------------------------------------

    @Test
    void proposalWalksFromProposedToDoneOneConditionalStepAtATime() {
        store.create(proposal("P-1").withMessage("m1"));

        assertThat(store.transition(
                        "P-1", ProposalState.PROPOSED, ProposalState.APPROVED, null, null, T0.plusSeconds(60)))
                .isTrue();
        assertThat(store.transition(
                        "P-1", ProposalState.APPROVED, ProposalState.EXECUTING, "replica-a", null, T0.plusSeconds(61)))
                .isTrue();
        assertThat(store.find("P-1"))
                .contains(proposal("P-1").withMessage("m1").withState(ProposalState.EXECUTING, "replica-a", null));

        assertThat(store.transition(
                        "P-1",
                        ProposalState.EXECUTING,
                        ProposalState.DONE,
                        null,
                        "Deployment shop/checkout rolled back to revision 41",
                        T0.plusSeconds(75)))
                .isTrue();
        assertThat(store.find("P-1"))
                .contains(proposal("P-1")
                        .withMessage("m1")
                        .withState(ProposalState.DONE, null, "Deployment shop/checkout rolled back to revision 41"));
    }

    @Test
    void transitionHappensOnlyFromTheStatedState() {
        store.create(proposal("P-1"));

        assertThat(store.transition(
                        "P-1", ProposalState.APPROVED, ProposalState.EXECUTING, "replica-a", null, T0.plusSeconds(1)))
                .isFalse();
        assertThat(store.find("P-1")).contains(proposal("P-1"));

        assertThat(store.transition(
                        "P-1", ProposalState.PROPOSED, ProposalState.APPROVED, null, null, T0.plusSeconds(2)))
                .isTrue();
        assertThat(store.transition(
                        "P-1", ProposalState.PROPOSED, ProposalState.APPROVED, null, null, T0.plusSeconds(3)))
                .isFalse();
        assertThat(store.transition(
                        "P-1", ProposalState.PROPOSED, ProposalState.REJECTED, null, "no", T0.plusSeconds(3)))
                .isFalse();
        assertThat(stateOf("P-1")).isEqualTo(ProposalState.APPROVED);
    }

    @Test
    void transitionOfAnUnknownProposalIsFalse() {
        assertThat(store.transition("P-404", ProposalState.PROPOSED, ProposalState.APPROVED, null, null, T0))
                .isFalse();
        assertThat(store.find("P-404")).isEmpty();
    }

    @Test
    void transitionMovesOnlyThatProposal() {
        store.create(proposal("P-1"));
        store.create(proposal("P-2"));

        store.transition("P-1", ProposalState.PROPOSED, ProposalState.REJECTED, null, "bob rejected", T0);

        assertThat(stateOf("P-1")).isEqualTo(ProposalState.REJECTED);
        assertThat(store.find("P-2")).contains(proposal("P-2"));
    }

    @Test
    void rejectedExpiredOrExecutedProposalsCannotBeRevived() {
        store.create(proposal("P-1"));
        store.transition("P-1", ProposalState.PROPOSED, ProposalState.EXPIRED, null, "expired", T0.plus(EXPIRY));

        assertThat(store.transition("P-1", ProposalState.PROPOSED, ProposalState.APPROVED, null, null, T0.plus(EXPIRY)))
                .isFalse();
        assertThat(store.find("P-1").orElseThrow().outcome()).isEqualTo("expired");
        for (ProposalState finalState : Arrays.stream(ProposalState.values())
                .filter(ProposalState::isFinal)
                .toList()) {
            assertThatThrownBy(() ->
                            store.transition("P-1", finalState, ProposalState.PROPOSED, null, null, T0.plus(EXPIRY)))
                    .as("out of %s", finalState)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(finalState + " is final");
        }
        assertThat(stateOf("P-1")).isEqualTo(ProposalState.EXPIRED);
    }

    @Test
    void transitionToTheSameStateIsRefused() {
        store.create(proposal("P-1"));

        assertThatThrownBy(
                        () -> store.transition("P-1", ProposalState.PROPOSED, ProposalState.PROPOSED, null, null, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P-1");
    }

    @Test
    void sixteenThreadsRacingToApproveHaveExactlyOneWinner() {
        List<ProposalStore> replicas = List.of(store, anotherReplicaOf(store));
        for (int round = 0; round < 10; round++) {
            String id = "P-" + round;
            store.create(proposal(id));

            List<Boolean> won = Race.of(16, racer -> replicas.get(racer % 2)
                    .transition(id, ProposalState.PROPOSED, ProposalState.APPROVED, null, null, T0.plusSeconds(racer)));

            assertThat(won).as("round %d", round).containsOnlyOnce(true);
            assertThat(stateOf(id)).isEqualTo(ProposalState.APPROVED);
        }
    }

    @Test
    void twoReplicasRacingToExecuteHaveExactlyOneOwner() {
        List<ProposalStore> replicas = List.of(store, anotherReplicaOf(store));
        for (int round = 0; round < 20; round++) {
            String id = "P-" + round;
            store.create(proposal(id));
            store.transition(id, ProposalState.PROPOSED, ProposalState.APPROVED, null, null, T0);

            List<Boolean> won = Race.of(2, racer -> replicas.get(racer)
                    .transition(id, ProposalState.APPROVED, ProposalState.EXECUTING, "replica-" + racer, null, T0));

            assertThat(won).as("round %d", round).containsOnlyOnce(true);
            String winner = "replica-" + won.indexOf(true);
            assertThat(replicas.get(1).find(id).orElseThrow().owner())
                    .as("round %d", round)
                    .isEqualTo(winner);
        }
    }

    // ---- votes ---------------------------------------------------------------------------------------------------

    @Test
    void firstVoteIsRecorded() {
        store.create(proposal("P-1"));
        Vote bob = vote("P-1", "bob", Kind.APPROVE, T0.plusSeconds(30));

        assertThat(store.vote(bob)).isTrue();

        assertThat(store.votes("P-1")).containsExactly(bob);
        assertThat(anotherReplicaOf(store).votes("P-1")).containsExactly(bob);
    }

    @Test
    void sameVoteAgainIsADuplicateAndTheFirstIsKept() {
        store.create(proposal("P-1"));
        Vote first = vote("P-1", "bob", Kind.APPROVE, T0.plusSeconds(30));
        store.vote(first);

        assertThat(store.vote(first)).isFalse();
        assertThat(anotherReplicaOf(store).vote(vote("P-1", "bob", Kind.APPROVE, T0.plusSeconds(40))))
                .isFalse();

        assertThat(store.votes("P-1")).containsExactly(first);
    }

    @Test
    void changedMindReplacesThePersonsVote() {
        store.create(proposal("P-1"));
        store.vote(vote("P-1", "bob", Kind.APPROVE, T0.plusSeconds(30)));
        Vote rejection = vote("P-1", "bob", Kind.REJECT, T0.plusSeconds(40));

        assertThat(store.vote(rejection)).isTrue();

        assertThat(store.votes("P-1")).containsExactly(rejection);
    }

    @Test
    void withdrawRemovesOnlyAVoteOfThatKind() {
        store.create(proposal("P-1"));
        Vote bob = vote("P-1", "bob", Kind.APPROVE, T0.plusSeconds(30));
        Vote carol = vote("P-1", "carol", Kind.APPROVE, T0.plusSeconds(31));
        store.vote(bob);
        store.vote(carol);

        assertThat(store.withdraw("P-1", "bob@example.com", Kind.REJECT)).isFalse();
        assertThat(store.votes("P-1")).containsExactly(bob, carol);

        assertThat(store.withdraw("P-1", "bob@example.com", Kind.APPROVE)).isTrue();
        assertThat(store.votes("P-1")).containsExactly(carol);
        assertThat(store.withdraw("P-1", "bob@example.com", Kind.APPROVE)).isFalse();
        assertThat(store.withdraw("P-404", "bob@example.com", Kind.APPROVE)).isFalse();
    }

    @Test
    void voteAfterAWithdrawalCountsAgain() {
        store.create(proposal("P-1"));
        store.vote(vote("P-1", "bob", Kind.APPROVE, T0.plusSeconds(30)));
        store.withdraw("P-1", "bob@example.com", Kind.APPROVE);
        Vote again = vote("P-1", "bob", Kind.APPROVE, T0.plusSeconds(50));

        assertThat(store.vote(again)).isTrue();

        assertThat(store.votes("P-1")).containsExactly(again);
    }

    @Test
    void votesAreOldestFirstAndBelongToTheirProposal() {
        store.create(proposal("P-1"));
        store.create(proposal("P-2"));
        Vote carol = vote("P-1", "carol", Kind.APPROVE, T0.plusSeconds(33));
        Vote bob = vote("P-1", "bob", Kind.APPROVE, T0.plusSeconds(31));
        Vote dana = vote("P-1", "dana", Kind.REJECT, T0.plusSeconds(32));
        Vote elsewhere = vote("P-2", "bob", Kind.REJECT, T0.plusSeconds(30));
        List.of(carol, bob, dana, elsewhere).forEach(store::vote);

        assertThat(store.votes("P-1")).containsExactly(bob, dana, carol);
        assertThat(store.votes("P-2")).containsExactly(elsewhere);
        assertThat(store.votes("P-404")).isEmpty();
    }

    @Test
    void voteOnAnUnknownProposalIsRefused() {
        assertThatThrownBy(() -> store.vote(vote("P-404", "bob", Kind.APPROVE, T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P-404");
        assertThat(store.votes("P-404")).isEmpty();
    }

    @Test
    void racingDeliveriesOfOneVoteCountItOnce() {
        List<ProposalStore> replicas = List.of(store, anotherReplicaOf(store));
        for (int round = 0; round < 10; round++) {
            String id = "P-" + round;
            store.create(proposal(id));
            Vote bob = vote(id, "bob", Kind.APPROVE, T0.plusSeconds(30));

            List<Boolean> counted = Race.of(8, racer -> replicas.get(racer % 2).vote(bob));

            assertThat(counted).as("round %d", round).containsOnlyOnce(true);
            assertThat(store.votes(id)).containsExactly(bob);
        }
    }

    @Test
    void racingVotersAreAllRecorded() {
        store.create(proposal("P-1"));
        List<ProposalStore> replicas = List.of(store, anotherReplicaOf(store));

        List<Boolean> counted = Race.of(8, racer -> replicas.get(racer % 2)
                .vote(vote("P-1", "voter" + racer, Kind.APPROVE, T0.plusSeconds(racer))));

        assertThat(counted).containsOnly(true);
        assertThat(store.votes("P-1")).hasSize(8);
    }

    // ---- queries -------------------------------------------------------------------------------------------------

    @Test
    void inStateListsThatStateOldestFirstUpToTheLimit() {
        store.create(proposal("P-c", T0.plusSeconds(30)));
        store.create(proposal("P-a", T0.plusSeconds(10)));
        store.create(proposal("P-b", T0.plusSeconds(20)));
        store.create(proposal("P-x", T0));
        store.transition("P-x", ProposalState.PROPOSED, ProposalState.APPROVED, null, null, T0.plusSeconds(40));

        assertThat(store.inState(ProposalState.PROPOSED, 10))
                .extracting(Proposal::id)
                .containsExactly("P-a", "P-b", "P-c");
        assertThat(store.inState(ProposalState.PROPOSED, 2))
                .extracting(Proposal::id)
                .containsExactly("P-a", "P-b");
        assertThat(store.inState(ProposalState.APPROVED, 10))
                .containsExactly(proposal("P-x").withState(ProposalState.APPROVED, null, null));
        assertThat(store.inState(ProposalState.EXECUTING, 10)).isEmpty();
        assertThat(store.inState(ProposalState.PROPOSED, 0)).isEmpty();
    }

    @Test
    void proposalExpiringExactlyNowIsDueAndOneExpiringAMomentLaterIsNot() {
        store.create(proposal("P-1"));
        Instant expiry = T0.plus(EXPIRY);

        assertThat(store.dueToExpire(expiry.minusMillis(1), 10)).isEmpty();
        assertThat(store.dueToExpire(expiry, 10)).containsExactly(proposal("P-1"));
        assertThat(store.dueToExpire(expiry.plusSeconds(60), 10)).containsExactly(proposal("P-1"));
    }

    @Test
    void onlyProposalsStillWaitingAreDueToExpire() {
        store.create(proposal("P-waiting"));
        store.create(proposal("P-approved"));
        store.create(proposal("P-rejected"));
        store.transition("P-approved", ProposalState.PROPOSED, ProposalState.APPROVED, null, null, T0);
        store.transition("P-rejected", ProposalState.PROPOSED, ProposalState.REJECTED, null, "no", T0);

        assertThat(store.dueToExpire(T0.plus(EXPIRY).plusSeconds(1), 10))
                .extracting(Proposal::id)
                .containsExactly("P-waiting");
    }

    @Test
    void dueToExpireIsOldestFirstUpToTheLimit() {
        store.create(proposal("P-c", T0.plusSeconds(30)));
        store.create(proposal("P-a", T0.plusSeconds(10)));
        store.create(proposal("P-b", T0.plusSeconds(20)));
        store.create(proposal("P-later", T0.plusSeconds(600)));
        Instant now = T0.plusSeconds(30).plus(EXPIRY);

        assertThat(store.dueToExpire(now, 10)).extracting(Proposal::id).containsExactly("P-a", "P-b", "P-c");
        assertThat(store.dueToExpire(now, 2)).extracting(Proposal::id).containsExactly("P-a", "P-b");
        assertThat(store.dueToExpire(now, 0)).isEmpty();
    }

    @Test
    void inThreadListsTheThreadsProposalsInEveryStateOldestFirst() {
        ThreadRef sameIdOtherChannel = new ThreadRef("slack", "C-other", INCIDENT.thread());
        ThreadRef otherThread = new ThreadRef("slack", INCIDENT.channel(), "1710037999.000300");
        store.create(proposal("P-late", T0.plusSeconds(30)));
        store.create(proposal("P-early", T0.plusSeconds(10)));
        store.create(on(sameIdOtherChannel, proposal("P-elsewhere", T0)));
        store.create(on(otherThread, proposal("P-other", T0)));
        store.transition("P-early", ProposalState.PROPOSED, ProposalState.REJECTED, null, "no", T0.plusSeconds(40));

        assertThat(anotherReplicaOf(store).inThread(INCIDENT))
                .containsExactly(
                        proposal("P-early", T0.plusSeconds(10)).withState(ProposalState.REJECTED, null, "no"),
                        proposal("P-late", T0.plusSeconds(30)));
        assertThat(store.inThread(otherThread)).extracting(Proposal::id).containsExactly("P-other");
        assertThat(store.inThread(new ThreadRef("teams", INCIDENT.channel(), INCIDENT.thread())))
                .isEmpty();
    }

    @Test
    void changedSinceListsProposalsCreatedOrMovedAtOrAfterSinceOldestFirst() {
        Instant since = T0.plusSeconds(100);
        store.create(proposal("P-untouched", T0));
        store.create(proposal("P-moved", T0.plusSeconds(10)));
        store.create(proposal("P-moved-before", T0.plusSeconds(20)));
        store.create(proposal("P-new", since));
        store.create(proposal("P-newer", since.plusSeconds(5)));
        store.transition("P-moved", ProposalState.PROPOSED, ProposalState.APPROVED, null, null, since.plusSeconds(50));
        store.transition(
                "P-moved-before", ProposalState.PROPOSED, ProposalState.REJECTED, null, "no", since.minusMillis(1));

        assertThat(anotherReplicaOf(store).changedSince(since, 10))
                .containsExactly(
                        proposal("P-moved", T0.plusSeconds(10)).withState(ProposalState.APPROVED, null, null),
                        proposal("P-new", since),
                        proposal("P-newer", since.plusSeconds(5)));
        assertThat(store.changedSince(since, 2)).extracting(Proposal::id).containsExactly("P-moved", "P-new");
        assertThat(store.changedSince(since, 0)).isEmpty();
        assertThat(store.changedSince(since.plusSeconds(51), 10)).isEmpty();
    }

    @Test
    void expiringRacesApprovalAndExactlyOneWins() {
        List<ProposalStore> replicas = List.of(store, anotherReplicaOf(store));
        for (int round = 0; round < 10; round++) {
            String id = "P-" + round;
            store.create(proposal(id));
            List<ProposalState> targets = List.of(ProposalState.APPROVED, ProposalState.EXPIRED);

            List<Boolean> won = Race.of(2, racer -> replicas.get(racer)
                    .transition(id, ProposalState.PROPOSED, targets.get(racer), null, null, T0.plus(EXPIRY)));

            assertThat(won).as("round %d", round).containsOnlyOnce(true);
            assertThat(stateOf(id)).isEqualTo(targets.get(won.indexOf(true)));
        }
    }
}
