package dev.opsbot.app.approval;

import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.approval.ProposedAction;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.identity.WriteSession;
import dev.opsbot.core.tool.Risk;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Proposals and write sessions as the approval service hands them to the runner and the verifier. */
final class Proposals {
    static final Principal ALICE_WRITER = new Principal("alice@example.com", "Alice", List.of("shop-deployers"));
    static final WriteSession SESSION = new WriteSession(ALICE_WRITER, null);

    private Proposals() {}

    static Proposal of(String action, String target, Map<String, Object> params, Risk risk) {
        Instant at = Instant.parse("2026-03-10T02:47:00Z");
        return new Proposal(
                "p-42",
                new ThreadRef("console", "#inc-checkout", "t-1"),
                "m-1",
                new ProposedAction(action, target, params, action + " " + target, risk),
                "production",
                "alice@example.com",
                "U-ALICE",
                "triage: oom",
                at,
                at.plusSeconds(900),
                1,
                ProposalState.EXECUTING,
                "replica-1",
                null);
    }

    static Proposal rollbackCheckoutTo(int revision) {
        return of("kubernetes.rollback", "Deployment/shop/checkout", Map.of("toRevision", revision), Risk.WRITE);
    }
}
