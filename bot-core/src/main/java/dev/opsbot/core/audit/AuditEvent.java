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
    @JsonSubTypes.Type(value = AuditEvent.QuestionAsked.class, name = "question_asked"),
    @JsonSubTypes.Type(value = AuditEvent.ToolRun.class, name = "tool_run"),
    @JsonSubTypes.Type(value = AuditEvent.ProposalCreated.class, name = "proposal_created"),
    @JsonSubTypes.Type(value = AuditEvent.ProposalDecided.class, name = "proposal_decided"),
    @JsonSubTypes.Type(value = AuditEvent.ActionExecuted.class, name = "action_executed"),
    @JsonSubTypes.Type(value = AuditEvent.ActionVerified.class, name = "action_verified"),
    @JsonSubTypes.Type(value = AuditEvent.ModelCalled.class, name = "model_called"),
    @JsonSubTypes.Type(value = AuditEvent.GuardrailRefused.class, name = "guardrail_refused"),
    @JsonSubTypes.Type(value = AuditEvent.MemoryChanged.class, name = "memory_changed"),
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

    /** Someone asked opsbot something (the text redacted). */
    record QuestionAsked(Instant at, String actor, String thread, String question) implements AuditEvent {
        public QuestionAsked {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(question, "question");
        }

        @Override
        public String kind() {
            return "question_asked";
        }
    }

    /**
     * A tool ran.
     *
     * @param identity what it ran as: the Kubernetes user and groups, or the AWS role
     * @param arguments the arguments as JSON, redacted
     * @param resultSize how much it returned: characters of a tool's result; for a triage source, its evidence items
     * @param outcome {@code success}, {@code error: ...}, {@code no_data}, {@code approval_required}
     */
    record ToolRun(
            Instant at,
            String actor,
            String tool,
            String identity,
            String arguments,
            long resultSize,
            long durationMillis,
            String outcome,
            String thread)
            implements AuditEvent {
        public ToolRun {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(tool, "tool");
            Objects.requireNonNull(outcome, "outcome");
        }

        @Override
        public String kind() {
            return "tool_run";
        }
    }

    /** A proposal was made and shown. {@code actor} is the requester. */
    record ProposalCreated(
            Instant at,
            String actor,
            String proposal,
            String operation,
            String environment,
            String risk,
            String source,
            String thread,
            Instant expiresAt,
            int approvalsRequired)
            implements AuditEvent {
        public ProposalCreated {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(proposal, "proposal");
            Objects.requireNonNull(operation, "operation");
        }

        @Override
        public String kind() {
            return "proposal_created";
        }
    }

    /**
     * Someone decided on a proposal, or tried to. {@code actor} is the person who reacted (their e-mail, or their chat
     * id when they could not be resolved).
     *
     * @param decision {@code approved}, {@code rejected}, {@code withdrawn}, {@code refused} (the vote did not count),
     *     {@code expired}
     * @param reason in words, as the thread was told ("alice can't approve her own production change")
     */
    record ProposalDecided(Instant at, String actor, String proposal, String decision, String reason)
            implements AuditEvent {
        public ProposalDecided {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(proposal, "proposal");
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String kind() {
            return "proposal_decided";
        }
    }

    /**
     * An approved action ran (or was found interrupted). {@code actor} is the requester it ran as.
     *
     * @param state {@code DONE}, {@code FAILED} or {@code UNKNOWN}
     */
    record ActionExecuted(
            Instant at,
            String actor,
            String proposal,
            String operation,
            List<String> approvers,
            String state,
            String summary,
            long durationMillis)
            implements AuditEvent {
        public ActionExecuted {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(proposal, "proposal");
            Objects.requireNonNull(state, "state");
            approvers = approvers == null ? List.of() : List.copyOf(approvers);
        }

        @Override
        public String kind() {
            return "action_executed";
        }
    }

    /** What verification found after an action. */
    record ActionVerified(Instant at, String actor, String proposal, boolean recovered, String summary)
            implements AuditEvent {
        public ActionVerified {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(proposal, "proposal");
        }

        @Override
        public String kind() {
            return "action_verified";
        }
    }

    /**
     * A call to a language model: never the prompt itself, only its hash.
     *
     * @param promptSha256 the SHA-256 of the (redacted) prompt, hex
     */
    record ModelCalled(
            Instant at,
            String actor,
            String model,
            long inputTokens,
            long outputTokens,
            String promptSha256,
            String thread)
            implements AuditEvent {
        public ModelCalled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(model, "model");
        }

        @Override
        public String kind() {
            return "model_called";
        }
    }

    /**
     * A guardrail stopped a request before it left (a tool, or the transport under it).
     *
     * @param request the request in words ({@code delete namespaces shop (kubernetes, production)})
     * @param rule the rule that refused it
     */
    /**
     * Team memory changed: what the team's answers draw on from now on. {@code change} is {@code learned} or
     * {@code forgotten}; {@code text} is the memory as stored (redacted).
     */
    record MemoryChanged(
            Instant at, String actor, String memoryId, String change, String memoryKind, String text, String thread)
            implements AuditEvent {
        public MemoryChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(memoryId, "memoryId");
            Objects.requireNonNull(change, "change");
        }

        @Override
        public String kind() {
            return "memory_changed";
        }
    }

    record GuardrailRefused(Instant at, String actor, String request, String rule, String reason)
            implements AuditEvent {
        public GuardrailRefused {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public String kind() {
            return "guardrail_refused";
        }
    }
}
