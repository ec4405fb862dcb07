package dev.opsbot.core.handoff;

import dev.opsbot.core.approval.Proposal;
import dev.opsbot.core.approval.ProposalState;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.store.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the next shift should keep an eye on: actions that failed or were interrupted, services that had not
 * recovered after an action, and incidents fixed by a rollback (the bad change may come back with the next deploy).
 */
final class Watchlist {
    private Watchlist() {}

    /**
     * @param verdicts the channel's verdicts reached or resolved in the shift
     * @param proposalsIn a thread's proposals, oldest first
     */
    static List<Watch> of(
            Shift shift,
            ShiftActions actions,
            ShiftAudit audit,
            Collection<Verdict> verdicts,
            Function<ThreadRef, List<Proposal>> proposalsIn) {
        List<Watch> watch = new ArrayList<>();
        for (Proposal action : actions.executed()) {
            failed(action, actions).ifPresent(watch::add);
        }
        for (AuditEvent.ActionVerified verified : audit.notRecovered()) {
            actions.find(verified.proposal(), shift)
                    .ifPresent(action -> watch.add(new Watch(
                            Watch.Kind.NOT_RECOVERED,
                            action.thread(),
                            verified.at(),
                            "after *" + action.action().operation() + "* the service had not recovered"
                                    + (verified.summary() == null ? "" : ": " + verified.summary()))));
        }
        for (Verdict verdict : verdicts) {
            if (verdict.resolved() && shift.covers(verdict.resolvedAt())) {
                rollback(verdict, proposalsIn.apply(verdict.thread()))
                        .ifPresent(fix -> watch.add(new Watch(
                                Watch.Kind.ROLLED_BACK,
                                verdict.thread(),
                                verdict.resolvedAt(),
                                verdict.service() + " was fixed by *" + fix + "*: "
                                        + (verdict.culprit() == null ? "the change that broke it" : verdict.culprit())
                                        + " may come back with the next deploy")));
            }
        }
        watch.sort(Comparator.comparing(Watch::at)
                .reversed()
                .thenComparing(Watch::kind)
                .thenComparing(Watch::text));
        return watch;
    }

    private static Optional<Watch> failed(Proposal action, ShiftActions actions) {
        String operation = "*" + action.action().operation() + "*";
        return switch (action.state()) {
            case FAILED ->
                Optional.of(new Watch(
                        Watch.Kind.ACTION_FAILED,
                        action.thread(),
                        actions.changedAt(action),
                        operation + " failed" + (action.outcome() == null ? "" : ": " + action.outcome())));
            case UNKNOWN ->
                Optional.of(new Watch(
                        Watch.Kind.ACTION_UNKNOWN,
                        action.thread(),
                        actions.changedAt(action),
                        operation + " was interrupted by a restart; whether it happened is unknown: check "
                                + action.action().target() + " before acting on it"));
            default -> Optional.empty();
        };
    }

    /** The fix of a resolved thread when it was a rollback: the action that ran, else what triage proposed. */
    private static Optional<String> rollback(Verdict verdict, List<Proposal> inThread) {
        String fix = inThread.stream()
                .filter(p -> p.state() == ProposalState.DONE)
                .reduce((first, second) -> second)
                .map(p -> p.action().operation())
                .orElse(verdict.fix());
        return Optional.ofNullable(fix).filter(Watchlist::isRollback);
    }

    static boolean isRollback(String fix) {
        String lower = fix.toLowerCase(Locale.ROOT);
        return lower.contains("rollback") || lower.contains("roll back") || lower.contains("rolled back");
    }
}
