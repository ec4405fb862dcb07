package dev.opsbot.identity.sts;

import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.identity.ElevationException;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.SessionCredentials;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The STS call and the audit record around it, shared by reads and writes: a session is recorded before it is
 * returned, a refusal is recorded before it is thrown. Only role, session name and expiry are ever logged.
 */
final class RoleSessions {
    private static final Logger log = LoggerFactory.getLogger(StsCredentialBroker.class);

    private final StsClient sts;
    private final AuditLog audit;
    private final Clock clock;

    RoleSessions(StsClient sts, AuditLog audit, Clock clock) {
        this.sts = sts;
        this.audit = audit;
        this.clock = clock;
    }

    /** AssumeRole; an SDK failure becomes a recorded refusal the person can act on. */
    SessionCredentials assume(Attempt attempt, AssumeRoleRequest request) {
        Credentials issued;
        try {
            issued = sts.assumeRole(request).credentials();
        } catch (SdkException failure) {
            ElevationException refused = StsFailures.translate(failure, attempt.role(), attempt.actor());
            String detail = StsFailures.detail(failure);
            log.warn(
                    "STS refused a {} session in {} for {}: {}",
                    attempt.mode(),
                    attempt.role(),
                    attempt.actor(),
                    detail);
            throw refuse(attempt, refused, refused.getMessage() + " (" + detail + ")");
        }
        return new SessionCredentials(
                issued.accessKeyId(),
                issued.secretAccessKey(),
                issued.sessionToken(),
                issued.expiration(),
                attempt.role());
    }

    /** Records the grant: the caller hands the credentials out only once this returned. */
    void granted(AuditEvent.ElevationGranted grant) {
        audit.record(grant);
        String proposal = grant.proposal() == null
                ? ""
                : " (proposal " + grant.proposal() + ", approved by " + grant.approver() + ")";
        if (grant.sessionName() == null) {
            log.info(
                    "granted a Kubernetes write as {} with groups {}{}",
                    grant.actor(),
                    grant.kubernetesGroups(),
                    proposal);
        } else {
            log.info(
                    "issued {} session {} in {} for {} until {}{}",
                    grant.mode().name().toLowerCase(Locale.ROOT),
                    grant.sessionName(),
                    grant.role(),
                    grant.actor(),
                    grant.expiresAt(),
                    proposal);
        }
    }

    /** Records the refusal and returns it, to be thrown. */
    ElevationException refuse(Attempt attempt, ElevationException refused) {
        return refuse(attempt, refused, refused.getMessage());
    }

    /** {@code no AWS read role is mapped for carol@example.com in production (their groups: staging-devs)}. */
    static ElevationException noRole(String what, Identity person) {
        String groups = person.groups().isEmpty() ? "none" : String.join(", ", person.groups());
        return new ElevationException(ElevationException.Kind.NO_ROLE, what + " (their groups: " + groups + ")");
    }

    Instant now() {
        return clock.instant();
    }

    private ElevationException refuse(Attempt attempt, ElevationException refused, String reason) {
        audit.record(attempt.refused(clock.instant(), reason));
        return refused;
    }
}
