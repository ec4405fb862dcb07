package dev.opsbot.identity.sts;

import dev.opsbot.core.audit.AuditEvent.Mode;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.identity.CredentialBroker;
import dev.opsbot.core.identity.EnvironmentAccess;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.RequestOrigin;
import dev.opsbot.core.identity.SessionCredentials;
import dev.opsbot.core.identity.WriteGrant;
import dev.opsbot.core.identity.WriteSession;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Issues STS sessions in the person's own roles: reads in their read role, cached per person, role and thread;
 * writes in their write role with a session policy of the one approved action, never cached. Every session is
 * recorded in the audit log before it is handed out, and every refusal is recorded too.
 */
public final class StsCredentialBroker implements CredentialBroker {
    /** Read sessions kept at most; a busy incident has a few dozen threads and people. */
    static final int MAX_CACHED_SESSIONS = 4096;

    private final RoleSessions sessions;
    private final StsSettings settings;
    private final SessionCache reads;
    private final WriteSessions writes;

    /**
     * @param sts a client with opsbot's own identity ({@link StsClients#create}); the caller closes it
     * @param audit where every grant and refusal is recorded
     */
    public StsCredentialBroker(StsClient sts, AuditLog audit, Clock clock, StsSettings settings) {
        Objects.requireNonNull(sts, "sts");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sessions = new RoleSessions(sts, audit, clock);
        this.reads = new SessionCache(clock, settings.refreshMargin(), MAX_CACHED_SESSIONS);
        this.writes = new WriteSessions(sessions, settings);
    }

    @Override
    public SessionCredentials forRead(Identity person, String environment, RequestOrigin origin) {
        Optional<EnvironmentAccess> access = person.access(environment);
        String role = access.map(EnvironmentAccess::readRoleArn).orElse(null);
        var attempt = new Attempt(Mode.READ, person.email(), environment, role, origin.thread(), null);
        if (role == null) {
            throw sessions.refuse(
                    attempt,
                    RoleSessions.noRole(
                            "no AWS read role is mapped for " + person.email() + " in " + environment, person));
        }
        var key = new SessionCache.Key(person.email(), role, origin.thread());
        return reads.get(key, () -> issueRead(attempt, person, access.orElseThrow(), origin));
    }

    @Override
    public WriteSession forWrite(WriteGrant grant) {
        return writes.issue(grant);
    }

    /** Runs once per single flight: the waiters share its session and its one audit record. */
    private SessionCredentials issueRead(
            Attempt attempt, Identity person, EnvironmentAccess access, RequestOrigin origin) {
        String sessionName = SessionNames.forRead(person.email(), origin.requestId());
        var request = AssumeRoleRequest.builder()
                .roleArn(attempt.role())
                .roleSessionName(sessionName)
                .sourceIdentity(person.email())
                .durationSeconds(settings.readSeconds())
                .tags(SessionTags.forRead(person, origin))
                .build();
        SessionCredentials session = sessions.assume(attempt, request);
        sessions.granted(attempt.granted(
                sessions.now(), sessionName, session.expiration(), null, List.of(), access.kubernetesGroups()));
        return session;
    }
}
