package dev.opsbot.core.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * Temporary AWS credentials from STS. {@link #toString()} shows only the access key id's last four characters: a
 * record printed into a log or an exception message gives nothing away.
 */
public record SessionCredentials(
        String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration, String roleArn) {
    public SessionCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
        Objects.requireNonNull(roleArn, "roleArn");
    }

    public boolean expiresWithin(java.time.Duration margin, Instant now) {
        return !now.plus(margin).isBefore(expiration);
    }

    @Override
    public String toString() {
        String tail = accessKeyId.length() > 4 ? accessKeyId.substring(accessKeyId.length() - 4) : "";
        return "SessionCredentials[accessKeyId=…" + tail + ", role=" + roleArn + ", expiration=" + expiration + "]";
    }
}
