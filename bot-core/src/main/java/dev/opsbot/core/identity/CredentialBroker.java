package dev.opsbot.core.identity;

/**
 * Issues the credentials a request runs with, always for a person, never for the bot: reads in the person's read
 * role (cached per person, role and thread until shortly before expiry), writes for one approved action (never
 * cached). Every issue and every refusal is recorded in the audit log.
 */
public interface CredentialBroker {
    /**
     * @throws ElevationException when the person has no read role in {@code environment} or STS refuses
     */
    SessionCredentials forRead(Identity person, String environment, RequestOrigin origin);

    /**
     * @throws ElevationException when the requester has no write access in the environment or STS refuses
     */
    WriteSession forWrite(WriteGrant grant);
}
