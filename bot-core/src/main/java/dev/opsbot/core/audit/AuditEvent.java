package dev.opsbot.core.audit;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something a security reviewer must be able to find later: who was given which credentials, for what, and who was
 * refused. Events never hold a credential: a session is named by its role, session name and expiry.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AuditEvent.ElevationGranted.class, name = "elevation_granted"),
    @JsonSubTypes.Type(value = AuditEvent.ElevationRefused.class, name = "elevation_refused"),
})
public sealed interface AuditEvent {
    Instant at();

    /** The person the event is about (an e-mail). */
    String actor();

    /** A short stable name for the kind of event, as stored ({@code elevation_granted}). */
    String kind();

    /** Read or write. */
    enum Mode {
        READ,
        WRITE
    }

    /**
     * Credentials were issued for a person.
     *
     * @param role the role assumed; for a Kubernetes-only write, {@code kubernetes}
     * @param sessionName the STS role session name, as CloudTrail shows it
     * @param expiresAt when the session ends
     * @param thread the thread the request came from ({@code platform/channel/thread})
     * @param approver who approved (writes only)
     * @param proposal the proposal (writes only)
     * @param allowed the one operation and the IAM actions a write session allows (writes only)
     * @param kubernetesGroups the groups Kubernetes requests impersonate under this grant
     */
    record ElevationGranted(
            Instant at,
            String actor,
            Mode mode,
            String environment,
            String role,
            String sessionName,
            Instant expiresAt,
            String thread,
            String approver,
            String proposal,
            List<String> allowed,
            List<String> kubernetesGroups)
            implements AuditEvent {
        public ElevationGranted {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(mode, "mode");
            allowed = allowed == null ? List.of() : List.copyOf(allowed);
            kubernetesGroups = kubernetesGroups == null ? List.of() : List.copyOf(kubernetesGroups);
        }

        @Override
        public String kind() {
            return "elevation_granted";
        }
    }

    /** Credentials were asked for and refused, by opsbot (no role) or by STS (access denied). */
    record ElevationRefused(
            Instant at,
            String actor,
            Mode mode,
            String environment,
            String role,
            String thread,
            String proposal,
            String reason)
            implements AuditEvent {
        public ElevationRefused {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String kind() {
            return "elevation_refused";
        }
    }
}
