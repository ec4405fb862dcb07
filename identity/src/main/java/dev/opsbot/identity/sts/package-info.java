/**
 * STS sessions for people, never for the bot. opsbot's own identity (IRSA, instance profile) may do nothing but
 * assume the people's roles; every AWS call a tool makes runs in a session of the asking person's own read role, or,
 * after approval, of their write role with a session policy of that one action. {@code SourceIdentity} is the
 * person's e-mail, so CloudTrail ties every call to a human however the session is used, and the session name and
 * tags name the chat thread, request or proposal and approver.
 *
 * <p>Read sessions are cached per person, role and thread (one thread's tags never label another's calls) and
 * fetched by a single flight: when many tools ask at once, one AssumeRole is made and the others wait for it, so a
 * burst of questions cannot get opsbot throttled by STS. Failures are never cached. Every session and every refusal
 * is recorded in the audit log before anything is handed out; credentials themselves go nowhere but to the caller.
 *
 * <p>{@link dev.opsbot.identity.sts.StsCredentialBroker} is the implementation of
 * {@link dev.opsbot.core.identity.CredentialBroker}; {@link dev.opsbot.identity.sts.StsClients} builds its client.
 * Setting up the roles' trust policies is described in {@code docs/identity.md}.
 */
package dev.opsbot.identity.sts;
