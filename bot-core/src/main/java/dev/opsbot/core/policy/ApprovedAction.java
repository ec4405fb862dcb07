package dev.opsbot.core.policy;

import dev.opsbot.core.tool.Risk;
import java.util.List;
import java.util.Objects;

/**
 * The one approved proposal a thread is executing right now, and exactly which requests it may make. A write that
 * the guardrails say needs approval passes the transport only while an {@code ApprovedAction} covering it is bound
 * ({@link #run}); everything else is refused before it leaves, whatever tool issued it.
 *
 * @param proposalId the approved proposal
 * @param allowed the requests it covers; a field left null in an entry matches anything
 */
public record ApprovedAction(String proposalId, List<PolicyRequest> allowed) {
    // Inheritable, so the virtual threads an action forks carry it too; bound only inside run(), then restored.
    private static final InheritableThreadLocal<ApprovedAction> CURRENT = new InheritableThreadLocal<>();

    public ApprovedAction {
        Objects.requireNonNull(proposalId, "proposalId");
        allowed = List.copyOf(allowed);
    }

    /** Runs {@code action} with this approval bound for the current thread (and the threads it starts). */
    public <T> T run(java.util.function.Supplier<T> action) {
        ApprovedAction outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return action.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The approval bound to the current thread, if any. */
    public static java.util.Optional<ApprovedAction> current() {
        return java.util.Optional.ofNullable(CURRENT.get());
    }

    /** Whether {@code request} is one this approval covers: same system, action, resource, namespace and name. */
    public boolean covers(PolicyRequest request) {
        return allowed.stream().anyMatch(entry -> matches(entry, request));
    }

    private static boolean matches(PolicyRequest entry, PolicyRequest request) {
        return entry.system().equals(request.system())
                && entry.action().equals(request.action())
                && entry.risk().compareTo(Risk.READ) >= 0
                && same(entry.resource(), request.resource())
                && same(entry.namespace(), request.namespace())
                && same(entry.name(), request.name());
    }

    private static boolean same(String allowed, String actual) {
        return allowed == null || allowed.equals(actual);
    }
}
