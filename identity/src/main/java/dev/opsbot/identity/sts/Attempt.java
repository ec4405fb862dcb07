package dev.opsbot.identity.sts;

import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditEvent.Mode;
import dev.opsbot.core.chat.ThreadRef;
import java.time.Instant;
import java.util.List;

/**
 * One request for credentials, as the audit log names it whether it is granted or refused.
 *
 * @param role the role asked for; null when none is mapped; {@code kubernetes} for a Kubernetes-only write
 * @param proposal the proposal (writes only)
 */
record Attempt(Mode mode, String actor, String environment, String role, ThreadRef thread, String proposal) {
    AuditEvent.ElevationGranted granted(
            Instant at,
            String sessionName,
            Instant expiresAt,
            String approver,
            List<String> allowed,
            List<String> kubernetesGroups) {
        return new AuditEvent.ElevationGranted(
                at,
                actor,
                mode,
                environment,
                role,
                sessionName,
                expiresAt,
                threadName(),
                approver,
                proposal,
                allowed,
                kubernetesGroups);
    }

    AuditEvent.ElevationRefused refused(Instant at, String reason) {
        return new AuditEvent.ElevationRefused(at, actor, mode, environment, role, threadName(), proposal, reason);
    }

    /** {@code platform/channel/thread}. */
    String threadName() {
        return thread.platform() + "/" + thread.channel() + "/" + thread.thread();
    }
}
