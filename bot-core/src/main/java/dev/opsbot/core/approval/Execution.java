package dev.opsbot.core.approval;

import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.conversation.Responder;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.ActionScope;
import dev.opsbot.core.identity.CredentialBroker;
import dev.opsbot.core.identity.ElevationException;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.RequestOrigin;
import dev.opsbot.core.identity.Resolution;
import dev.opsbot.core.identity.WriteGrant;
import dev.opsbot.core.identity.WriteSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an approved proposal once: claims it (APPROVED to EXECUTING, which exactly one replica wins), gets a write
 * session for exactly that action, runs it, records DONE or FAILED, then verifies. Every step is said in the thread
 * and recorded in the audit log.
 */
final class Execution {
    private static final Logger LOG = LoggerFactory.getLogger(Execution.class);

    private final ProposalStore store;
    private final Acting acting;
    private final CredentialBroker broker;
    private final ActionRunner runner;
    private final ActionVerifier verifier;
    private final AuditLog audit;
    private final Clock clock;
    private final String replica;
    private final RecoveryListener recovery;

    Execution(
            ProposalStore store,
            Acting acting,
            CredentialBroker broker,
            ActionRunner runner,
            ActionVerifier verifier,
            AuditLog audit,
            Clock clock,
            String replica,
            RecoveryListener recovery) {
        this.recovery = recovery;
        this.store = store;
        this.acting = acting;
        this.broker = broker;
        this.runner = runner;
        this.verifier = verifier;
        this.audit = audit;
        this.clock = clock;
        this.replica = replica;
    }

    /** Runs {@code proposal} (already APPROVED) with {@code approver} named on the write session. */
    void run(Proposal proposal, Identity approver, List<String> approvers, Responder responder) {
        if (!store.transition(proposal.id(), ProposalState.APPROVED, ProposalState.EXECUTING, replica, null, now())) {
            return; // another replica claimed it: it runs there, once
        }
        long started = System.nanoTime();
        ActionOutcome outcome = act(proposal, approver);
        ProposalState end = outcome.succeeded() ? ProposalState.DONE : ProposalState.FAILED;
        store.transition(proposal.id(), ProposalState.EXECUTING, end, null, outcome.summary(), now());
        audit.record(new AuditEvent.ActionExecuted(
                now(),
                proposal.requesterEmail(),
                proposal.id(),
                proposal.action().operation(),
                approvers,
                end.name(),
                outcome.summary(),
                Duration.ofNanos(System.nanoTime() - started).toMillis()));
        if (!outcome.succeeded()) {
            responder.reply(Reply.text(":x: *" + proposal.action().operation() + "* failed: " + outcome.summary()));
            return;
        }
        responder.reply(Reply.text(":white_check_mark: Done: " + outcome.summary() + ". Verifying…"));
        verify(proposal, outcome, responder);
    }

    private ActionOutcome act(Proposal proposal, Identity approver) {
        Identity requester;
        switch (acting.resolve(
                proposal.thread().platform(),
                new ChatUser(proposal.requesterChatId(), proposal.requesterChatId(), proposal.requesterEmail()))) {
            case Resolution.Refused refused -> {
                return ActionOutcome.failed("opsbot can no longer act as the requester: " + refused.reason());
            }
            case Resolution.Mapped mapped -> requester = mapped.identity();
        }
        WriteSession session;
        try {
            session = broker.forWrite(new WriteGrant(
                    requester,
                    approver,
                    proposal.environment(),
                    proposal.id(),
                    ActionScope.kubernetesOnly(proposal.action().operation()),
                    new RequestOrigin(proposal.thread(), proposal.requesterChatId(), proposal.id())));
        } catch (ElevationException refused) {
            return ActionOutcome.failed("no write access was granted: " + refused.getMessage());
        }
        try {
            return runner.run(proposal, session);
        } catch (RuntimeException e) {
            LOG.warn("action {} of proposal {} failed", proposal.action().action(), proposal.id(), e);
            return ActionOutcome.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void verify(Proposal proposal, ActionOutcome outcome, Responder responder) {
        ActionVerifier.Verification verification;
        try {
            verification = verifier.verify(proposal, outcome);
        } catch (RuntimeException e) {
            LOG.warn("verifying proposal {} failed", proposal.id(), e);
            verification = new ActionVerifier.Verification(false, "verification failed: " + e.getMessage());
        }
        audit.record(new AuditEvent.ActionVerified(
                now(), proposal.requesterEmail(), proposal.id(), verification.recovered(), verification.summary()));
        responder.reply(
                Reply.text((verification.recovered() ? ":white_check_mark: Verified: " : ":warning: Not recovered: ")
                        + verification.summary()));
        if (verification.recovered()) {
            try {
                recovery.recovered(proposal, responder);
            } catch (RuntimeException e) {
                LOG.warn("after proposal {} recovered, resolving its thread failed", proposal.id(), e);
            }
        }
    }

    /**
     * What this replica was running when it stopped is marked UNKNOWN and said so: it may or may not have happened,
     * and it is never run again blindly.
     */
    int markInterrupted(java.util.function.Function<Proposal, Responder> responders) {
        int marked = 0;
        for (Proposal proposal : store.inState(ProposalState.EXECUTING, 100)) {
            if (!replica.equals(proposal.owner())) {
                continue;
            }
            String why = "opsbot restarted while running it; whether it happened is not known";
            if (!store.transition(proposal.id(), ProposalState.EXECUTING, ProposalState.UNKNOWN, null, why, now())) {
                continue;
            }
            marked++;
            audit.record(new AuditEvent.ActionExecuted(
                    now(),
                    proposal.requesterEmail(),
                    proposal.id(),
                    proposal.action().operation(),
                    List.of(),
                    ProposalState.UNKNOWN.name(),
                    why,
                    0));
            responders
                    .apply(proposal)
                    .reply(Reply.text(":warning: I was restarted while running *"
                            + proposal.action().operation()
                            + "*. Whether it happened is unknown: check "
                            + proposal.action().target()
                            + " before doing anything. I will not run it again; ask for a new proposal if it is"
                            + " still needed."));
        }
        return marked;
    }

    private Instant now() {
        return clock.instant();
    }
}
