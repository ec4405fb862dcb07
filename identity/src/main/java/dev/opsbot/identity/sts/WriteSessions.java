package dev.opsbot.identity.sts;

import dev.opsbot.core.audit.AuditEvent.Mode;
import dev.opsbot.core.identity.ActionScope;
import dev.opsbot.core.identity.EnvironmentAccess;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.SessionCredentials;
import dev.opsbot.core.identity.WriteGrant;
import dev.opsbot.core.identity.WriteSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Sessions for one approved action: the requester's write role, narrowed by a session policy to that action, or
 * for an action that calls no AWS API, no STS session at all. Never cached.
 */
final class WriteSessions {
    private final RoleSessions sessions;
    private final StsSettings settings;

    WriteSessions(RoleSessions sessions, StsSettings settings) {
        this.sessions = sessions;
        this.settings = settings;
    }

    WriteSession issue(WriteGrant grant) {
        Optional<EnvironmentAccess> access = grant.requester().access(grant.environment());
        return grant.scope().touchesAws()
                ? inAws(grant, access.map(EnvironmentAccess::writeRoleArn).orElse(null))
                : inKubernetes(grant, access.map(EnvironmentAccess::canWrite).orElse(false));
    }

    private WriteSession inAws(WriteGrant grant, String role) {
        Identity requester = grant.requester();
        Attempt attempt = attempt(grant, role);
        if (role == null) {
            throw sessions.refuse(
                    attempt,
                    RoleSessions.noRole(
                            "no AWS write role is mapped for " + requester.email() + " in " + grant.environment()
                                    + ", and " + grant.scope().operation() + " calls AWS",
                            requester));
        }
        String sessionName = SessionNames.forWrite(requester.email(), grant.proposalId());
        var request = AssumeRoleRequest.builder()
                .roleArn(role)
                .roleSessionName(sessionName)
                .sourceIdentity(requester.email())
                .durationSeconds(settings.writeSeconds())
                .tags(SessionTags.forWrite(grant))
                .policy(SessionPolicies.allowOnly(grant.scope()))
                .build();
        SessionCredentials session = sessions.assume(attempt, request);
        sessions.granted(attempt.granted(
                sessions.now(),
                sessionName,
                session.expiration(),
                grant.approver().email(),
                allowed(grant.scope()),
                writeGroups(grant)));
        return new WriteSession(requester.writer(grant.environment()), session);
    }

    private WriteSession inKubernetes(WriteGrant grant, boolean canWrite) {
        Identity requester = grant.requester();
        Attempt attempt = attempt(grant, "kubernetes");
        if (!canWrite) {
            throw sessions.refuse(
                    attempt,
                    RoleSessions.noRole(
                            "no Kubernetes write groups are mapped for " + requester.email() + " in "
                                    + grant.environment() + ", and "
                                    + grant.scope().operation() + " needs them",
                            requester));
        }
        sessions.granted(attempt.granted(
                sessions.now(), null, null, grant.approver().email(), allowed(grant.scope()), writeGroups(grant)));
        return new WriteSession(requester.writer(grant.environment()), null);
    }

    private static Attempt attempt(WriteGrant grant, String role) {
        return new Attempt(
                Mode.WRITE,
                grant.requester().email(),
                grant.environment(),
                role,
                grant.origin().thread(),
                grant.proposalId());
    }

    /** The operation, for people, then the IAM actions the session policy allows. */
    private static List<String> allowed(ActionScope scope) {
        var allowed = new ArrayList<String>();
        allowed.add(scope.operation());
        allowed.addAll(scope.awsActions());
        return allowed;
    }

    private static List<String> writeGroups(WriteGrant grant) {
        return grant.requester()
                .access(grant.environment())
                .map(EnvironmentAccess::kubernetesWriteGroups)
                .orElse(List.of());
    }
}
