package dev.opsbot.core.identity;

import java.util.Objects;

/**
 * An approved proposal, as the credential broker needs it: who asked, who approved, where and what exactly.
 *
 * @param requester the person the action is done as (the STS source identity)
 * @param approver the person who approved it (a session tag)
 * @param environment where it runs
 * @param proposalId the proposal's id (a session tag and the session name)
 * @param scope the one action allowed
 * @param origin the thread the proposal lives in
 */
public record WriteGrant(
        Identity requester,
        Identity approver,
        String environment,
        String proposalId,
        ActionScope scope,
        RequestOrigin origin) {
    public WriteGrant {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(origin, "origin");
    }
}
