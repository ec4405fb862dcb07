package dev.opsbot.core.handoff;

import dev.opsbot.core.approval.Proposal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A proposal of the shift and the people around it.
 *
 * @param approvers who approved it (e-mails), oldest vote first
 * @param rejecters who rejected it
 * @param at when it last changed, as far as the audit log tells (else when it was proposed)
 */
public record ActionLine(Proposal proposal, List<String> approvers, List<String> rejecters, Instant at) {
    public ActionLine {
        Objects.requireNonNull(proposal, "proposal");
        approvers = List.copyOf(approvers);
        rejecters = List.copyOf(rejecters);
        Objects.requireNonNull(at, "at");
    }
}
