package dev.opsbot.core.approval;

import static dev.opsbot.core.testing.triage.Evidence.finding;
import static dev.opsbot.core.testing.triage.Evidence.inventory;
import static dev.opsbot.core.testing.triage.Evidence.pod;
import static dev.opsbot.core.testing.triage.Evidence.rollout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.conversation.Responder;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.CredentialBroker;
import dev.opsbot.core.identity.ElevationException;
import dev.opsbot.core.identity.EnvironmentAccess;
import dev.opsbot.core.identity.Environments;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.IdentityResolver;
import dev.opsbot.core.identity.RequestOrigin;
import dev.opsbot.core.identity.Resolution;
import dev.opsbot.core.identity.SessionCredentials;
import dev.opsbot.core.identity.WriteGrant;
import dev.opsbot.core.identity.WriteSession;
import dev.opsbot.core.store.BotMessage;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.testing.InMemoryBotMessageStore;
import dev.opsbot.core.testing.InMemoryProposalStore;
import dev.opsbot.core.testing.InMemoryThreadStore;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.core.testing.RecordingChatPort;
import dev.opsbot.core.testing.identity.CountingCredentialBroker;
import dev.opsbot.core.testing.identity.FixedIdentities;
import dev.opsbot.core.testing.identity.People;
import dev.opsbot.core.testing.triage.Evidence;
import dev.opsbot.core.testing.triage.FakeEvidenceSource;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.triage.FindingKind;
import dev.opsbot.core.triage.SymptomKind;
import dev.opsbot.core.triage.TriageListener;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.TriageService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The approval flow in the thread: a proposal of its own, votes judged by who reacts, exactly one execution, and a
 * sentence for every decision.
 */
class ApprovalServiceTest {
    private static final ThreadRef THREAD = new ThreadRef("console", "inc-checkout", "t1");
    private static final Identity DAVE = People.person(
            "dave",
            "dave@example.com",
            "Dave Lee",
            List.of("sre-leads"),
            List.of(new EnvironmentAccess(
                    "production", null, null, List.of("sre"), List.of(), true, List.of("sre-leads"))));
    /** On call in production like alice, reads and may request changes, but approves nothing. */
    private static final Identity ERIN = People.person(
            "erin",
            "erin@example.com",
            "Erin Novak",
            List.of("shop-oncall"),
            List.of(new EnvironmentAccess(
                    "production",
                    People.READ_ROLE,
                    People.WRITE_ROLE,
                    List.of("oncall"),
                    List.of("oncall-deployers"),
                    false,
                    List.of("shop-oncall"))));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T03:00:00Z"));
    private final RecordingChatPort chat = new RecordingChatPort("console");
    private final InMemoryBotMessageStore messages = new InMemoryBotMessageStore();
    private final InMemoryProposalStore store = new InMemoryProposalStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final CountingCredentialBroker broker = new CountingCredentialBroker();
    private final Directory directory = new Directory(People.alice(), People.bob(), DAVE, ERIN);
    private final Acting acting = new Acting(directory, broker, Environments.only("production"));
    private CredentialBroker writeBroker = broker;
    private final List<Proposal> ran = new ArrayList<>();
    private final List<WriteSession> sessions = new ArrayList<>();
    private ActionRunner runner = (proposal, session) -> {
        synchronized (ran) {
            ran.add(proposal);
            sessions.add(session);
        }
        return ActionOutcome.done("Deployment shop/checkout rolled back to revision 41");
    };
    private ApprovalRules rules = ApprovalRules.defaults();

    private final List<String> recovered = new ArrayList<>();
    private boolean recovers = true;

    private ApprovalService service() {
        return new ApprovalService(
                store,
                acting,
                writeBroker,
                action -> Optional.of(action.equals("kubernetes.delete") ? Risk.DESTRUCTIVE : Risk.WRITE),
                (proposal, session) -> runner.run(proposal, session),
                (proposal, outcome) -> new ActionVerifier.Verification(recovers, "5xx ratio back to 0.0%"),
                audit,
                rules,
                clock,
                "replica-1",
                (proposal, responder) -> {
                    recovered.add(proposal.id());
                    throw new IllegalStateException("a listener failing must not undo anything");
                });
    }

    private Responder responder(String requester) {
        return new Responder(chat, THREAD, messages, new InMemoryThreadStore(), requester, clock);
    }

    /** alice asks; the oom answer's rollback becomes a proposal. */
    private Proposal propose(ApprovalService service) {
        ChatEvent question =
                new ChatEvent.Mention("e-q", THREAD, "m-q", user("alice"), "why is checkout 5xx?", clock.instant());
        Acting.Outcome.As alice = (Acting.Outcome.As) acting.forRead(question);
        service.propose(question, alice, oomReport(), responder("alice"));
        return store.inState(ProposalState.PROPOSED, 10).getFirst();
    }

    private void react(ApprovalService service, Proposal proposal, String who, String reaction, boolean added) {
        String messageId = store.find(proposal.id()).orElseThrow().messageId();
        MessageRef target = new MessageRef(THREAD, messageId);
        ChatEvent event = added
                ? new ChatEvent.ReactionAdded(
                        "e-" + who + reaction + added, target, user(who), reaction, clock.instant())
                : new ChatEvent.ReactionRemoved("e-" + who + reaction, target, user(who), reaction, clock.instant());
        BotMessage message = messages.find("console", messageId).orElseThrow();
        service.onReaction(event, message, responder(who));
    }

    private List<String> said() {
        return chat.posted().stream().map(p -> p.reply().text()).toList();
    }

    private ProposalState state(Proposal proposal) {
        return store.find(proposal.id()).orElseThrow().state();
    }

    @Test
    void theFixIsPostedAsAProposalOfItsOwnAndRecorded() {
        Proposal proposal = propose(service());

        assertThat(proposal.action().operation()).isEqualTo("rollback Deployment shop/checkout to revision 41");
        assertThat(proposal.environment()).isEqualTo("production");
        assertThat(proposal.requesterEmail()).isEqualTo("alice@example.com");
        assertThat(proposal.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        var posted = chat.posted().getLast();
        assertThat(posted.reply().blocks())
                .anySatisfy(block -> assertThat(block).isInstanceOfSatisfying(Block.Proposal.class, p -> {
                    assertThat(p.proposalId()).isEqualTo(proposal.id());
                    assertThat(p.operation()).isEqualTo("rollback Deployment shop/checkout to revision 41");
                    assertThat(p.environment()).isEqualTo("production");
                    assertThat(p.risk()).isEqualTo("write");
                    assertThat(p.requester()).isEqualTo("Alice Chen");
                    assertThat(p.approveReaction()).isEqualTo("white_check_mark");
                }));
        assertThat(store.find(proposal.id()).orElseThrow().messageId())
                .isEqualTo(posted.ref().messageId());
        assertThat(audit.events(AuditEvent.ProposalCreated.class))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actor()).isEqualTo("alice@example.com");
                    assertThat(event.proposal()).isEqualTo(proposal.id());
                });
    }

    @Test
    void theRequesterCannotApproveTheirOwnProductionChange() {
        ApprovalService service = service();
        Proposal proposal = propose(service);

        react(service, proposal, "alice", "white_check_mark", true);

        assertThat(said().getLast())
                .isEqualTo(":no_entry: alice can't approve their own production change: a second person must.");
        assertThat(state(proposal)).isEqualTo(ProposalState.PROPOSED);
        assertThat(ran).isEmpty();
        assertThat(audit.events(AuditEvent.ProposalDecided.class))
                .singleElement()
                .satisfies(event -> assertThat(event.decision()).isEqualTo("refused"));
    }

    @Test
    void someoneUnmappedCannotApprove() {
        ApprovalService service = service();
        Proposal proposal = propose(service);

        react(service, proposal, "mallory", "white_check_mark", true);

        assertThat(said().getLast())
                .startsWith(":no_entry: mallory's approval doesn't count: mallory is not mapped to any cloud identity");
        assertThat(ran).isEmpty();
    }

    @Test
    void anApproverRunsItOnceAsTheRequesterThenItIsVerified() {
        ApprovalService service = service();
        Proposal proposal = propose(service);

        react(service, proposal, "bob", "white_check_mark", true);
        react(service, proposal, "bob", "white_check_mark", true); // the same event delivered again

        assertThat(ran).hasSize(1);
        assertThat(state(proposal)).isEqualTo(ProposalState.DONE);
        WriteGrant grant = broker.writes().getFirst();
        assertThat(grant.requester().email()).isEqualTo("alice@example.com");
        assertThat(grant.approver().email()).isEqualTo("bob@example.com");
        assertThat(grant.proposalId()).isEqualTo(proposal.id());
        assertThat(sessions.getFirst().kubernetes().groups()).containsExactly("oncall-deployers");
        assertThat(said())
                .contains(":white_check_mark: bob approved. Running *rollback Deployment shop/checkout to revision"
                        + " 41* as alice@example.com…")
                .contains(":white_check_mark: Done: Deployment shop/checkout rolled back to revision 41. Verifying…")
                .contains(":white_check_mark: Verified: 5xx ratio back to 0.0%");
        assertThat(audit.events(AuditEvent.ActionExecuted.class))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.state()).isEqualTo("DONE");
                    assertThat(event.approvers()).containsExactly("bob@example.com");
                });
        assertThat(audit.events(AuditEvent.ActionVerified.class)).hasSize(1);
    }

    @Test
    void twoApproversAtTheSameInstantRunItOnce() throws InterruptedException {
        ApprovalService service = service();
        Proposal proposal = propose(service);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (String who : List.of("bob", "dave")) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                react(service, proposal, who, "white_check_mark", true);
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(ran).hasSize(1);
        assertThat(state(proposal)).isEqualTo(ProposalState.DONE);
    }

    @Test
    void aRejectedProposalCannotBeRevived() {
        ApprovalService service = service();
        Proposal proposal = propose(service);

        react(service, proposal, "bob", "x", true);
        react(service, proposal, "dave", "white_check_mark", true);

        assertThat(chat.updates().getLast().reply().text())
                .as("the proposal's own message says what became of it, still naming the requester")
                .contains("requested by Alice Chen")
                .endsWith("Rejected by bob.");
        assertThat(said())
                .contains(":x: bob rejected *rollback Deployment shop/checkout to revision 41*. It won't run.")
                .last()
                .isEqualTo(":information_source: dave's approval changes nothing: the proposal is already rejected,"
                        + " and it can't be revived.");
        assertThat(state(proposal)).isEqualTo(ProposalState.REJECTED);
        assertThat(ran).isEmpty();
    }

    @Test
    void anExpiredProposalIsNotRunWhenApprovedLate() {
        ApprovalService service = service();
        Proposal proposal = propose(service);
        clock.advance(Duration.ofMinutes(15));

        react(service, proposal, "bob", "white_check_mark", true);

        assertThat(state(proposal)).isEqualTo(ProposalState.EXPIRED);
        assertThat(said().getLast()).contains("expired unapproved at 03:15 UTC. Ask again for a fresh one.");
        assertThat(ran).isEmpty();
    }

    @Test
    void dueProposalsAreExpiredInTheirThread() {
        ApprovalService service = service();
        Proposal proposal = propose(service);
        clock.advance(Duration.ofMinutes(16));

        assertThat(service.expireDue(p -> responder("opsbot"))).isEqualTo(1);

        assertThat(state(proposal)).isEqualTo(ProposalState.EXPIRED);
        assertThat(service.expireDue(p -> responder("opsbot"))).isZero();
    }

    @Test
    void aDestructiveActionNeedsTwoApproversAndAWithdrawnApprovalNoLongerCounts() {
        rules = new ApprovalRules(
                Map.of(Risk.WRITE, 2),
                rules.twoPersonEnvironments(),
                rules.approveReactions(),
                rules.rejectReactions(),
                rules.expiry());
        ApprovalService service = service();
        Proposal proposal = propose(service);
        assertThat(proposal.approvalsRequired()).isEqualTo(2);

        react(service, proposal, "bob", "white_check_mark", true);
        assertThat(said().getLast()).isEqualTo(":ballot_box_with_check: bob approved (1 of 2). Waiting for 1 more.");
        react(service, proposal, "bob", "white_check_mark", false);
        assertThat(said().getLast())
                .isEqualTo(":leftwards_arrow_with_hook: bob withdrew their approval (0 of 2" + " approvals).");
        react(service, proposal, "dave", "white_check_mark", true);
        assertThat(ran).isEmpty();
        react(service, proposal, "bob", "white_check_mark", true);

        assertThat(ran).hasSize(1);
        react(service, proposal, "bob", "white_check_mark", false);
        assertThat(said().getLast()).startsWith(":information_source: Too late to withdraw");
    }

    @Test
    void anActionThatThrowsEndsFailedAndSaysWhy() {
        runner = (proposal, session) -> {
            throw new IllegalStateException("revision 41 no longer exists");
        };
        ApprovalService service = service();
        Proposal proposal = propose(service);

        react(service, proposal, "bob", "white_check_mark", true);

        assertThat(state(proposal)).isEqualTo(ProposalState.FAILED);
        assertThat(said().getLast())
                .isEqualTo(":x: *rollback Deployment shop/checkout to revision 41* failed: revision 41 no longer"
                        + " exists");
    }

    @Test
    void noWriteSessionMeansNoActionAndAFailure() {
        ApprovalService service = new ApprovalService(
                store,
                acting,
                new dev.opsbot.core.identity.CredentialBroker() {
                    @Override
                    public dev.opsbot.core.identity.SessionCredentials forRead(
                            Identity person, String environment, dev.opsbot.core.identity.RequestOrigin origin) {
                        throw new AssertionError("no reads here");
                    }

                    @Override
                    public WriteSession forWrite(WriteGrant grant) {
                        throw new ElevationException(ElevationException.Kind.ACCESS_DENIED, "STS said no");
                    }
                },
                action -> Optional.of(Risk.WRITE),
                runner,
                (proposal, outcome) -> new ActionVerifier.Verification(true, "fine"),
                audit,
                rules,
                clock,
                "replica-1");
        Proposal proposal = propose(service);

        react(service, proposal, "bob", "white_check_mark", true);

        assertThat(ran).isEmpty();
        assertThat(state(proposal)).isEqualTo(ProposalState.FAILED);
        assertThat(said().getLast()).contains("no write access was granted: STS said no");
    }

    @Test
    void whatThisReplicaWasRunningWhenItDiedIsMarkedUnknownAndNeverRerun() {
        ApprovalService service = service();
        Proposal proposal = propose(service);
        store.transition(proposal.id(), ProposalState.PROPOSED, ProposalState.APPROVED, null, null, clock.instant());
        store.transition(
                proposal.id(), ProposalState.APPROVED, ProposalState.EXECUTING, "replica-1", null, clock.instant());

        assertThat(service().recoverInterrupted(p -> responder("opsbot"))).isEqualTo(1);

        assertThat(state(proposal)).isEqualTo(ProposalState.UNKNOWN);
        assertThat(said().getLast())
                .startsWith(":warning: I was restarted while running *rollback Deployment"
                        + " shop/checkout to revision 41*. Whether it happened is unknown");
        react(service, proposal, "bob", "white_check_mark", true);
        assertThat(ran).isEmpty();
    }

    @Test
    void anotherReplicasExecutionIsLeftAlone() {
        ApprovalService service = service();
        Proposal proposal = propose(service);
        store.transition(proposal.id(), ProposalState.PROPOSED, ProposalState.APPROVED, null, null, clock.instant());
        store.transition(
                proposal.id(), ProposalState.APPROVED, ProposalState.EXECUTING, "replica-2", null, clock.instant());

        assertThat(service.recoverInterrupted(p -> responder("opsbot"))).isZero();
        assertThat(state(proposal)).isEqualTo(ProposalState.EXECUTING);
    }

    @Test
    void otherReactionsAreConversationNotVotes() {
        ApprovalService service = service();
        Proposal proposal = propose(service);
        int before = said().size();

        react(service, proposal, "bob", "eyes", true);

        assertThat(said()).hasSize(before);
        assertThat(store.votes(proposal.id())).isEmpty();
    }

    @Test
    void aMappedPersonWhoIsNotAnApproverCannotApproveAndTheProposalStaysPending() {
        ApprovalService service = service();
        Proposal proposal = propose(service);

        react(service, proposal, "erin", "white_check_mark", true);

        assertThat(said().getLast())
                .isEqualTo(":no_entry: erin can't approve changes in production: erin@example.com has no approver"
                        + " role there (see `access`).");
        assertThat(state(proposal)).isEqualTo(ProposalState.PROPOSED);
        assertThat(store.votes(proposal.id())).isEmpty();
        assertThat(ran).isEmpty();
        assertThat(broker.writes()).isEmpty();
        assertThat(audit.events(AuditEvent.ProposalDecided.class))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actor()).isEqualTo("erin@example.com");
                    assertThat(event.decision()).isEqualTo("refused");
                });
        react(service, proposal, "bob", "white_check_mark", true);
        assertThat(ran).hasSize(1);
        assertThat(audit.events(AuditEvent.ActionExecuted.class))
                .singleElement()
                .satisfies(event -> assertThat(event.approvers())
                        .as("erin's refused approval is not counted")
                        .containsExactly("bob@example.com"));
    }

    @Test
    void someoneWhoIsNeitherRequesterNorApproverCannotReject() {
        ApprovalService service = service();
        Proposal proposal = propose(service);

        react(service, proposal, "erin", "x", true);

        assertThat(said().getLast())
                .isEqualTo(":no_entry: erin can't reject changes in production: only the requester or an approver"
                        + " for production can.");
        assertThat(state(proposal)).isEqualTo(ProposalState.PROPOSED);
        assertThat(store.votes(proposal.id())).isEmpty();
        assertThat(audit.events(AuditEvent.ProposalDecided.class))
                .singleElement()
                .satisfies(event -> assertThat(event.decision()).isEqualTo("refused"));
    }

    @Test
    void theRequesterMayCallOffTheirOwnChange() {
        ApprovalService service = service();
        Proposal proposal = propose(service);

        react(service, proposal, "alice", "x", true);

        assertThat(state(proposal)).isEqualTo(ProposalState.REJECTED);
        assertThat(said().getLast())
                .isEqualTo(":x: alice rejected *rollback Deployment shop/checkout to revision 41*. It won't run.");
    }

    @Test
    void anApproveReactionOnOneOfOpsbotsMessagesThatIsNotAProposalIsIgnored() {
        ApprovalService service = service();
        Proposal proposal = propose(service);
        Responder opsbot = responder("alice");
        // an answer recorded as being about the proposal: only the kind of message makes a reaction a vote
        MessageRef answer = opsbot.reply(
                Reply.text(":brain: checkout is OOMKilled; the rollback above fixes it"),
                Responder.ANSWER,
                proposal.id());
        MessageRef progress = opsbot.reply(Reply.text(":brain: Thinking it over…"), Responder.PROGRESS, "model:x");
        int before = said().size();

        for (MessageRef target : List.of(answer, progress)) {
            for (String reaction : List.of("white_check_mark", "x")) {
                ChatEvent event = new ChatEvent.ReactionAdded(
                        "e-" + target.messageId() + reaction, target, user("bob"), reaction, clock.instant());
                BotMessage message =
                        messages.find("console", target.messageId()).orElseThrow();
                service.onReaction(event, message, responder("bob"));
            }
        }

        assertThat(said()).hasSize(before);
        assertThat(store.votes(proposal.id())).isEmpty();
        assertThat(state(proposal)).isEqualTo(ProposalState.PROPOSED);
        assertThat(ran).isEmpty();
        assertThat(broker.writes()).isEmpty();
        assertThat(audit.events(AuditEvent.ProposalDecided.class)).isEmpty();
    }

    @Test
    void aRequesterNoLongerMappedWhenItRunsIsRefusedAndNothingRuns() {
        ApprovalService service = service();
        Proposal proposal = propose(service);
        directory.remove("alice");

        react(service, proposal, "bob", "white_check_mark", true);

        assertThat(ran).isEmpty();
        assertThat(broker.writes()).as("no write session was asked for").isEmpty();
        assertThat(state(proposal)).isEqualTo(ProposalState.FAILED);
        assertThat(said().getLast())
                .isEqualTo(":x: *rollback Deployment shop/checkout to revision 41* failed: opsbot can no longer act as"
                        + " the requester: alice is not mapped to any cloud identity");
        assertThat(audit.events(AuditEvent.ActionExecuted.class))
                .singleElement()
                .satisfies(event -> assertThat(event.state()).isEqualTo("FAILED"));
    }

    @Test
    void aRequesterWhoLostTheirWriteAccessBeforeItRunsIsRefusedAsTheyAreNow() {
        List<WriteGrant> grants = new ArrayList<>();
        // the real broker (identity module) refuses a requester without write groups; what opsbot's flow owes it
        // is the requester as the directory knows them when the action runs, not as they were when they asked
        writeBroker = new CredentialBroker() {
            @Override
            public SessionCredentials forRead(Identity person, String environment, RequestOrigin origin) {
                throw new AssertionError("no reads here");
            }

            @Override
            public WriteSession forWrite(WriteGrant grant) {
                grants.add(grant);
                if (!grant.requester()
                        .access(grant.environment())
                        .map(EnvironmentAccess::canWrite)
                        .orElse(false)) {
                    throw new ElevationException(
                            ElevationException.Kind.ACCESS_DENIED,
                            "no Kubernetes write groups are mapped for "
                                    + grant.requester().email());
                }
                return broker.forWrite(grant);
            }
        };
        ApprovalService service = service();
        Proposal proposal = propose(service);
        directory.put(People.person(
                "alice",
                "alice@example.com",
                "Alice Chen",
                List.of("shop-readers"),
                List.of(new EnvironmentAccess(
                        "production", People.READ_ROLE, null, List.of("oncall"), List.of(), false, List.of()))));

        react(service, proposal, "bob", "white_check_mark", true);

        assertThat(grants)
                .singleElement()
                .satisfies(grant -> assertThat(grant.requester().groups()).containsExactly("shop-readers"));
        assertThat(ran).isEmpty();
        assertThat(state(proposal)).isEqualTo(ProposalState.FAILED);
        assertThat(said().getLast())
                .isEqualTo(":x: *rollback Deployment shop/checkout to revision 41* failed: no write access was granted:"
                        + " no Kubernetes write groups are mapped for alice@example.com");
    }

    private static ChatUser user(String id) {
        return switch (id) {
            case "mallory" -> new ChatUser("mallory", "mallory", "mallory@example.com");
            default -> new ChatUser(id, id, id + "@example.com");
        };
    }

    private static TriageReport oomReport() {
        FakeEvidenceSource kubernetes = FakeEvidenceSource.named("kubernetes")
                .answering(e -> e.inventory(inventory("checkout", 42))
                        .change(rollout("checkout")
                                .at("02:31")
                                .revision(42)
                                .field("checkout", "resources.limits.memory", "512Mi", "128Mi")
                                .build())
                        .finding(finding(FindingKind.OOM_KILLED, pod("checkout-1"))
                                .at("02:33")
                                .build()));
        TriageService triage = new TriageService(
                List.of(kubernetes),
                Duration.ofSeconds(2),
                "shop",
                () -> Evidence.NOW,
                Duration.ofHours(1),
                Duration.ofSeconds(5),
                Clock.systemUTC());
        return triage.run(
                triage.investigation("why is checkout 5xx?", "checkout", null, SymptomKind.HTTP_5XX),
                People.alice().reader("production"),
                TriageListener.NONE);
    }

    @Test
    void anActionThatRecoveredTellsTheRecoveryListenerOnceAndOneThatDidNotNever() {
        Proposal fixed = propose(service());
        react(service(), fixed, "bob", "white_check_mark", true);

        assertThat(recovered).containsExactly(fixed.id());
        assertThat(state(fixed)).isEqualTo(ProposalState.DONE);

        recovers = false;
        Proposal notFixed = propose(service());
        react(service(), notFixed, "bob", "white_check_mark", true);

        assertThat(recovered).containsExactly(fixed.id());
        assertThat(said().getLast()).startsWith(":warning: Not recovered");
    }

    /** The directory as it stands now: people can be remapped or leave between a proposal and its execution. */
    private static final class Directory implements IdentityResolver {
        private final Map<String, Identity> people = new ConcurrentHashMap<>();

        Directory(Identity... people) {
            for (Identity person : people) {
                put(person);
            }
        }

        void put(Identity person) {
            people.put(person.chatUserId(), person);
        }

        void remove(String chatUserId) {
            people.remove(chatUserId);
        }

        @Override
        public Resolution resolve(String platform, ChatUser user) {
            Identity person = people.get(user.id());
            return person == null
                    ? new Resolution.Refused(
                            Resolution.RefusalKind.NOT_IN_DIRECTORY,
                            user.name() + " is not mapped to any cloud identity",
                            FixedIdentities.CONTACT)
                    : new Resolution.Mapped(person);
        }

        @Override
        public void forget(String platform, String chatUserId) {}

        @Override
        public String howToGetAccess(String environment) {
            return FixedIdentities.CONTACT;
        }
    }
}
