package dev.opsbot.core.testing.identity;

import dev.opsbot.core.identity.DirectorySource;
import dev.opsbot.core.identity.EnvironmentAccess;
import dev.opsbot.core.identity.Identity;
import java.time.Instant;
import java.util.List;

/** The people tests act as: alice (on-call, reads and writes in production), bob (approver), carol (staging only). */
public final class People {
    public static final Instant RESOLVED = Instant.parse("2026-03-10T02:00:00Z");
    public static final String READ_ROLE = "arn:aws:iam::111111111111:role/opsbot-read-oncall";
    public static final String WRITE_ROLE = "arn:aws:iam::111111111111:role/opsbot-write-oncall";

    private People() {}

    public static Identity alice() {
        return person(
                "alice",
                "alice@example.com",
                "Alice Chen",
                List.of("shop-oncall"),
                List.of(new EnvironmentAccess(
                        "production",
                        READ_ROLE,
                        WRITE_ROLE,
                        List.of("oncall"),
                        List.of("oncall-deployers"),
                        false,
                        List.of("shop-oncall"))));
    }

    public static Identity bob() {
        return person(
                "bob",
                "bob@example.com",
                "Bob Okafor",
                List.of("sre-leads"),
                List.of(new EnvironmentAccess(
                        "production",
                        "arn:aws:iam::111111111111:role/opsbot-read-sre",
                        "arn:aws:iam::111111111111:role/opsbot-write-sre",
                        List.of("sre"),
                        List.of("sre-deployers"),
                        true,
                        List.of("sre-leads"))));
    }

    public static Identity carol() {
        return person(
                "carol",
                "carol@example.com",
                "Carol Diaz",
                List.of("staging-devs"),
                List.of(new EnvironmentAccess(
                        "staging",
                        "arn:aws:iam::222222222222:role/opsbot-read-dev",
                        null,
                        List.of("devs"),
                        List.of(),
                        false,
                        List.of("staging-devs"))));
    }

    public static Identity person(
            String chatUserId, String email, String name, List<String> groups, List<EnvironmentAccess> access) {
        return new Identity("console", chatUserId, email, name, DirectorySource.STATIC, null, groups, access, RESOLVED);
    }
}
