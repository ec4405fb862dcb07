package dev.opsbot.app.approval;

import dev.opsbot.app.config.ApprovalConfig;
import dev.opsbot.app.triage.Actions;
import dev.opsbot.app.triage.TriageBackend;
import dev.opsbot.core.approval.ActionCatalog;
import dev.opsbot.core.approval.ActionRunner;
import dev.opsbot.core.approval.ActionVerifier;
import dev.opsbot.core.approval.ApprovalRules;
import dev.opsbot.core.approval.ApprovalService;
import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalStore;
import dev.opsbot.core.approval.RecoveryListener;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.CredentialBroker;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.identity.Resolution;
import dev.opsbot.core.tool.Risk;
import dev.opsbot.tools.actions.ActionTool;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The approval flow wired from {@code approval:}: the rules from configuration, and the action tools and verifier of
 * the triage backend, asked for once the backend has started (it starts while the database migrates).
 */
public final class ConfiguredApprovals {
    private ConfiguredApprovals() {}

    public static ApprovalService create(
            ApprovalConfig config,
            ProposalStore store,
            Acting acting,
            CredentialBroker broker,
            TriageBackend triage,
            AuditLog audit,
            Clock clock,
            String replica,
            RecoveryListener recovery) {
        Supplier<Actions> actions = once(() -> triage.actions(requesterAsReader(acting), config.verifyWindow()));
        Supplier<ActionRunner> runner =
                once(() -> new ToolActionRunner(actions.get().tools(), ToolActionRunner.DEFAULT_BUDGET, clock));
        ActionCatalog catalog = action -> actions.get().tools().stream()
                .filter(tool -> tool.spec().name().equals(action))
                .findFirst()
                .map(ActionTool::spec)
                .map(spec -> spec.risk());
        ActionVerifier verifier =
                (proposal, outcome) -> actions.get().verifier().verify(proposal, outcome);
        return new ApprovalService(
                store,
                acting,
                broker,
                catalog,
                (proposal, session) -> runner.get().run(proposal, session),
                verifier,
                audit,
                rules(config),
                clock,
                replica,
                recovery);
    }

    static ApprovalRules rules(ApprovalConfig config) {
        return new ApprovalRules(
                Map.of(Risk.WRITE, config.approvalsForWrite(), Risk.DESTRUCTIVE, config.approvalsForDestructive()),
                new HashSet<>(config.twoPersonEnvironments()),
                new HashSet<>(config.approveReactions()),
                new HashSet<>(config.rejectReactions()),
                config.expiry());
    }

    /** Verification reads as the requester, exactly as their question was read. */
    private static Function<Proposal, Principal> requesterAsReader(Acting acting) {
        return proposal -> switch (acting.resolve(
                proposal.thread().platform(),
                new ChatUser(proposal.requesterChatId(), proposal.requesterChatId(), proposal.requesterEmail()))) {
            case Resolution.Mapped mapped -> mapped.identity().reader(proposal.environment());
            case Resolution.Refused refused -> Principal.of(proposal.requesterEmail());
        };
    }

    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T ready = value;
                if (ready == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = supplier.get();
                        }
                        ready = value;
                    }
                }
                return ready;
            }
        };
    }
}
