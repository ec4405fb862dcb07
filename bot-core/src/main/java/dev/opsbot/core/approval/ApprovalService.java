package dev.opsbot.core.approval;

import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.MessageRef;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.conversation.Proposer;
import dev.opsbot.core.conversation.ReactionHandler;
import dev.opsbot.core.conversation.Responder;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.CredentialBroker;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.Resolution;
import dev.opsbot.core.store.BotMessage;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.answer.Operations;
import dev.opsbot.core.triage.result.Remediation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approval flow: a fix triage found becomes a proposal with a message of its own; reactions on that message are
 * votes by people resolved through identity and judged by {@link ApprovalRules}; once enough approvers agree, exactly
 * one replica runs it ({@link Execution}). Every decision is answered in the thread with its reason and recorded.
 */
public final class ApprovalService implements Proposer, ReactionHandler {
    public static final String PROPOSAL = "proposal";
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalService.class);
    private static final SecureRandom IDS = new SecureRandom();

    private final ProposalStore store;
    private final Acting acting;
    private final ActionCatalog catalog;
    private final AuditLog audit;
    private final ApprovalRules rules;
    private final Execution execution;
    private final Clock clock;

    public ApprovalService(
            ProposalStore store,
            Acting acting,
            CredentialBroker broker,
            ActionCatalog catalog,
            ActionRunner runner,
            ActionVerifier verifier,
            AuditLog audit,
            ApprovalRules rules,
            Clock clock,
            String replica) {
        this(store, acting, broker, catalog, runner, verifier, audit, rules, clock, replica, RecoveryListener.NONE);
    }

    /** @param recovery told when an approved action ran and its symptom recovered (the thread is resolved) */
    public ApprovalService(
            ProposalStore store,
            Acting acting,
            CredentialBroker broker,
            ActionCatalog catalog,
            ActionRunner runner,
            ActionVerifier verifier,
            AuditLog audit,
            ApprovalRules rules,
            Clock clock,
            String replica,
            RecoveryListener recovery) {
        this.store = store;
        this.acting = acting;
        this.catalog = catalog;
        this.audit = audit;
        this.rules = rules;
        this.clock = clock;
        this.execution = new Execution(store, acting, broker, runner, verifier, audit, clock, replica, recovery);
    }

    /** The actions this service can run, by name: what a model's suggestion is checked against. */
    public ActionCatalog catalog() {
        return catalog;
    }

    @Override
    public void propose(ChatEvent event, Acting.Outcome.As actor, TriageReport report, Responder responder) {
        Remediation remediation = report.result().top().remediation();
        if (remediation == null) {
            return;
        }
        offer(
                        event,
                        actor,
                        remediation,
                        "triage: " + report.result().top().cause().jsonName(),
                        responder)
                .ifPresent(why -> LOG.info("not proposing {}: {}", remediation.action(), why));
    }

    @Override
    public Optional<String> proposeSuggested(
            ChatEvent event, Acting.Outcome.As actor, Remediation fix, String source, Responder responder) {
        return offer(event, actor, fix, source, responder);
    }

    private Optional<String> offer(
            ChatEvent event, Acting.Outcome.As actor, Remediation remediation, String source, Responder responder) {
        Optional<Risk> risk = catalog.riskOf(remediation.action());
        if (risk.isEmpty()) {
            return Optional.of("opsbot has no action tool named " + remediation.action());
        }
        if (risk.get() == Risk.READ) {
            return Optional.of(remediation.action() + " only reads; there is nothing to approve");
        }
        Instant now = clock.instant();
        ProposedAction action = new ProposedAction(
                remediation.action(),
                remediation.target(),
                remediation.params(),
                Operations.describe(remediation),
                risk.get());
        Proposal proposal = new Proposal(
                "p-" + HexFormat.of().formatHex(IDS.generateSeed(5)),
                event.thread(),
                null,
                action,
                actor.environment(),
                actor.identity().email(),
                event.user().id(),
                source,
                now,
                now.plus(rules.expiry()),
                rules.approvalsRequired(risk.get()),
                ProposalState.PROPOSED,
                null,
                null);
        store.create(proposal);
        MessageRef posted = responder.reply(
                ProposalReplies.proposal(proposal, actor.identity().displayName(), rules, "Waiting for approval."),
                PROPOSAL,
                proposal.id());
        store.attachMessage(proposal.id(), posted.messageId());
        audit.record(new AuditEvent.ProposalCreated(
                now,
                proposal.requesterEmail(),
                proposal.id(),
                action.operation(),
                proposal.environment(),
                action.risk().name(),
                proposal.source(),
                thread(proposal),
                proposal.expiresAt(),
                proposal.approvalsRequired()));
        return Optional.empty();
    }

    @Override
    public void onReaction(ChatEvent event, BotMessage message, Responder responder) {
        if (!PROPOSAL.equals(message.kind())) {
            return;
        }
        String reaction =
                switch (event) {
                    case ChatEvent.ReactionAdded added -> added.reaction();
                    case ChatEvent.ReactionRemoved removed -> removed.reaction();
                    default -> null;
                };
        Optional<Vote.Kind> kind = reaction == null ? Optional.empty() : rules.voteFor(reaction);
        Optional<Proposal> proposal = message.subject() == null ? Optional.empty() : store.find(message.subject());
        if (kind.isEmpty() || proposal.isEmpty()) {
            return;
        }
        if (event instanceof ChatEvent.ReactionAdded) {
            vote(event, proposal.get(), kind.get(), responder);
        } else {
            withdraw(event, proposal.get(), kind.get(), responder);
        }
    }

    private void vote(ChatEvent event, Proposal proposal, Vote.Kind kind, Responder responder) {
        Instant now = clock.instant();
        String decision = kind == Vote.Kind.APPROVE ? "approval" : "rejection";
        if (proposal.state() != ProposalState.PROPOSED) {
            responder.reply(Reply.text(":information_source: " + event.user().name() + "'s " + decision
                    + " changes nothing: the proposal is already " + words(proposal.state())
                    + ", and it can't be revived."));
            return;
        }
        if (proposal.expiredAt(now)) {
            expire(proposal, responder);
            return;
        }
        Identity voter;
        switch (acting.resolve(event)) {
            case Resolution.Refused refused -> {
                refuse(
                        proposal,
                        event.user().id(),
                        event.user().name() + "'s " + decision + " doesn't count: " + refused.reason(),
                        responder);
                return;
            }
            case Resolution.Mapped mapped -> voter = mapped.identity();
        }
        Optional<String> refusal = rules.refusal(proposal, voter, kind);
        if (refusal.isPresent()) {
            refuse(proposal, voter.email(), refusal.get(), responder);
            return;
        }
        if (!store.vote(new Vote(proposal.id(), voter.email(), event.user().id(), kind, now))) {
            return; // the same vote again (a re-sent event): it was answered the first time
        }
        String name = ApprovalRules.firstName(voter);
        if (kind == Vote.Kind.REJECT) {
            reject(proposal, voter, name, responder);
        } else {
            approve(proposal, voter, name, responder);
        }
    }

    private void reject(Proposal proposal, Identity voter, String name, Responder responder) {
        String outcome = "rejected by " + name;
        if (!store.transition(
                proposal.id(), ProposalState.PROPOSED, ProposalState.REJECTED, null, outcome, clock.instant())) {
            return;
        }
        record(proposal, voter.email(), "rejected", name + " rejected it");
        responder.reply(
                Reply.text(":x: " + name + " rejected *" + proposal.action().operation() + "*. It won't run."));
        updateProposalMessage(proposal, "Rejected by " + name + ".", responder);
    }

    private void approve(Proposal proposal, Identity voter, String name, Responder responder) {
        List<String> approvers = store.votes(proposal.id()).stream()
                .filter(v -> v.kind() == Vote.Kind.APPROVE)
                .map(Vote::voterEmail)
                .distinct()
                .toList();
        record(
                proposal,
                voter.email(),
                "approved",
                name + " approved (" + approvers.size() + " of " + proposal.approvalsRequired() + ")");
        if (approvers.size() < proposal.approvalsRequired()) {
            int more = proposal.approvalsRequired() - approvers.size();
            responder.reply(Reply.text(":ballot_box_with_check: " + name + " approved (" + approvers.size() + " of "
                    + proposal.approvalsRequired() + "). Waiting for " + more + " more."));
            return;
        }
        String outcome = "approved by " + String.join(", ", approvers);
        if (!store.transition(
                proposal.id(), ProposalState.PROPOSED, ProposalState.APPROVED, null, outcome, clock.instant())) {
            return; // another approval, on this replica or another, got there first and runs it
        }
        responder.reply(Reply.text(":white_check_mark: " + name + " approved. Running *"
                + proposal.action().operation() + "* as " + proposal.requesterEmail() + "…"));
        updateProposalMessage(proposal, "Approved by " + String.join(", ", approvers) + ".", responder);
        execution.run(proposal, voter, approvers, responder);
    }

    private void withdraw(ChatEvent event, Proposal proposal, Vote.Kind kind, Responder responder) {
        if (!(acting.resolve(event) instanceof Resolution.Mapped mapped)) {
            return; // their vote never counted
        }
        Identity voter = mapped.identity();
        String name = ApprovalRules.firstName(voter);
        if (proposal.state() != ProposalState.PROPOSED) {
            if (kind == Vote.Kind.APPROVE
                    && store.votes(proposal.id()).stream()
                            .anyMatch(v -> v.voterEmail().equalsIgnoreCase(voter.email()))) {
                responder.reply(Reply.text(":information_source: Too late to withdraw: *"
                        + proposal.action().operation() + "* is already " + words(proposal.state()) + "."));
            }
            return;
        }
        if (!store.withdraw(proposal.id(), voter.email(), kind)) {
            return;
        }
        long standing = store.votes(proposal.id()).stream()
                .filter(v -> v.kind() == Vote.Kind.APPROVE)
                .count();
        record(
                proposal,
                voter.email(),
                "withdrawn",
                name + " withdrew their " + kind.name().toLowerCase());
        responder.reply(Reply.text(":leftwards_arrow_with_hook: " + name + " withdrew their "
                + (kind == Vote.Kind.APPROVE ? "approval" : "rejection") + " (" + standing + " of "
                + proposal.approvalsRequired() + " approvals)."));
    }

    /** Marks every proposal past its expiry as EXPIRED and says so in its thread; returns how many. */
    public int expireDue(Function<Proposal, Responder> responders) {
        int expired = 0;
        for (Proposal proposal : store.dueToExpire(clock.instant(), 100)) {
            if (expire(proposal, responders.apply(proposal))) {
                expired++;
            }
        }
        return expired;
    }

    /** After a restart: what this replica was executing is marked UNKNOWN, never re-run. Returns how many. */
    public int recoverInterrupted(Function<Proposal, Responder> responders) {
        return execution.markInterrupted(responders);
    }

    private boolean expire(Proposal proposal, Responder responder) {
        String outcome = "expired unapproved at " + ProposalReplies.time(proposal.expiresAt());
        if (!store.transition(
                proposal.id(), ProposalState.PROPOSED, ProposalState.EXPIRED, null, outcome, clock.instant())) {
            return false;
        }
        record(proposal, proposal.requesterEmail(), "expired", outcome);
        responder.reply(Reply.text(":hourglass: The proposal to *"
                + proposal.action().operation() + "* " + outcome + ". Ask again for a fresh one."));
        updateProposalMessage(proposal, "Expired.", responder);
        return true;
    }

    private void refuse(Proposal proposal, String actor, String reason, Responder responder) {
        record(proposal, actor, "refused", reason);
        responder.reply(Reply.text(":no_entry: " + reason + "."));
    }

    private void record(Proposal proposal, String actor, String decision, String reason) {
        audit.record(new AuditEvent.ProposalDecided(clock.instant(), actor, proposal.id(), decision, reason));
    }

    private void updateProposalMessage(Proposal proposal, String status, Responder responder) {
        if (proposal.messageId() == null) {
            return;
        }
        try {
            responder.update(
                    new MessageRef(proposal.thread(), proposal.messageId()),
                    ProposalReplies.proposal(proposal, requesterName(proposal), rules, status));
        } catch (RuntimeException e) {
            LOG.debug("could not update proposal message {}", proposal.messageId(), e);
        }
    }

    /** The requester as the proposal first named them; their e-mail when they can no longer be resolved. */
    private String requesterName(Proposal proposal) {
        return acting.resolve(
                                proposal.thread().platform(),
                                new dev.opsbot.core.chat.ChatUser(
                                        proposal.requesterChatId(),
                                        proposal.requesterChatId(),
                                        proposal.requesterEmail()))
                        instanceof Resolution.Mapped mapped
                ? mapped.identity().displayName()
                : proposal.requesterEmail();
    }

    private static String words(ProposalState state) {
        return switch (state) {
            case PROPOSED -> "waiting for approval";
            case APPROVED -> "approved";
            case EXECUTING -> "running";
            case DONE -> "done";
            case FAILED -> "failed";
            case REJECTED -> "rejected";
            case EXPIRED -> "expired";
            case UNKNOWN -> "in an unknown state (opsbot restarted while running it)";
        };
    }

    private static String thread(Proposal proposal) {
        return proposal.thread().platform() + "/" + proposal.thread().channel() + "/"
                + proposal.thread().thread();
    }
}
