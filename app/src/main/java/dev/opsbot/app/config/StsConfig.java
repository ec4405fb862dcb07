package dev.opsbot.app.config;

import java.time.Duration;

/**
 * How opsbot's STS sessions are made. Its own identity comes from the AWS SDK's default chain (instance profile,
 * IRSA) and needs only sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession.
 *
 * @param region the STS region; null for the AWS SDK's default chain
 * @param readSession how long a person's read session lasts (STS allows 15m to the role's maximum)
 * @param writeSession how long an approved action's session lasts
 * @param refreshBefore a read session is replaced this long before it expires, so no call starts on one about to end
 */
public record StsConfig(String region, Duration readSession, Duration writeSession, Duration refreshBefore) {
    public static final Duration DEFAULT_SESSION = Duration.ofMinutes(15);
    public static final Duration DEFAULT_REFRESH_BEFORE = Duration.ofMinutes(2);
    // opsbot's own identity is a role session itself, so its AssumeRole is role chaining, which STS caps at 1h
    static final DurationRule SESSION = new DurationRule(Duration.ofMinutes(15), Duration.ofHours(1));
    static final DurationRule REFRESH = new DurationRule(Duration.ofSeconds(10), Duration.ofMinutes(10));

    public StsConfig {
        region = Checks.blankToNull(region);
        readSession = SESSION.check("identity.sts.readSession", readSession);
        writeSession = SESSION.check("identity.sts.writeSession", writeSession);
        refreshBefore = REFRESH.check("identity.sts.refreshBefore", refreshBefore);
    }

    public static StsConfig defaults() {
        return new StsConfig(null, DEFAULT_SESSION, DEFAULT_SESSION, DEFAULT_REFRESH_BEFORE);
    }

    static StsConfig from(ConfigNode node) {
        StsConfig config = new StsConfig(
                node.text("region"),
                node.duration("readSession", DEFAULT_SESSION, SESSION),
                node.duration("writeSession", DEFAULT_SESSION, SESSION),
                node.duration("refreshBefore", DEFAULT_REFRESH_BEFORE, REFRESH));
        node.rejectUnknown();
        return config;
    }
}
