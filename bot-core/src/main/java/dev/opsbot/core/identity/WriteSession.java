package dev.opsbot.core.identity;

/**
 * What one approved action runs with: the person as Kubernetes sees a write (their e-mail and write groups) and,
 * when the action touches AWS, a session allowed exactly that action. Used for that action only: never cached,
 * never stored, never logged.
 *
 * @param kubernetes the principal Kubernetes requests impersonate
 * @param aws the STS session, or null when the action calls no AWS API
 */
public record WriteSession(Principal kubernetes, SessionCredentials aws) {}
