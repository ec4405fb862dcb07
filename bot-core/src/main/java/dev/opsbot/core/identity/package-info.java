/**
 * Who opsbot acts as. A chat user is resolved ({@link dev.opsbot.core.identity.IdentityResolver}) to an
 * {@link dev.opsbot.core.identity.Identity}: a directory person with per-environment access. Reads then run as a
 * {@link dev.opsbot.core.identity.Principal} (Kubernetes impersonation) with
 * {@link dev.opsbot.core.identity.CloudCredentials} (an STS session whose source identity is the person); writes
 * get a {@link dev.opsbot.core.identity.WriteSession} for one approved action. The implementations live in the
 * {@code identity} module; {@link dev.opsbot.core.identity.Acting} is how the conversation asks for them.
 */
package dev.opsbot.core.identity;
