package dev.opsbot.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.identity.DirectorySource;
import dev.opsbot.core.identity.EnvironmentAccess;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.IdentityCache;
import dev.opsbot.core.testing.identity.People;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IdentityCache} promises. */
public abstract class IdentityCacheContract {
    protected static final Instant NOW = People.RESOLVED.plusSeconds(30);
    protected static final Instant LATER = NOW.plus(Duration.ofMinutes(15));

    protected IdentityCache cache;

    /** A new cache over empty storage. */
    protected abstract IdentityCache newCache();

    /** A second cache over the same storage, as another replica sees it; fakes return it unchanged. */
    protected IdentityCache anotherReplicaOf(IdentityCache cache) {
        return cache;
    }

    @BeforeEach
    void freshCache() {
        cache = newCache();
    }

    @Test
    void identityWithEveryFieldComesBackEqual() {
        Identity dana = fullyResolved();

        cache.put(dana, LATER);

        assertThat(cache.find("slack", "U024BE7LH", NOW)).contains(dana);
    }

    @Test
    void identityFromStaticConfigurationWithoutDirectoryIdOrWriteRoleComesBackEqual() {
        Identity carol = People.carol();

        cache.put(carol, LATER);

        assertThat(cache.find("console", "carol", NOW)).contains(carol);
    }

    @Test
    void unknownUserIsAMiss() {
        cache.put(People.alice(), LATER);

        assertThat(cache.find("console", "nobody", NOW)).isEmpty();
    }

    @Test
    void entryIsFoundUntilTheInstantItExpires() {
        cache.put(People.alice(), LATER);

        assertThat(cache.find("console", "alice", LATER.minusMillis(1))).contains(People.alice());
        assertThat(cache.find("console", "alice", LATER)).isEmpty();
        assertThat(cache.find("console", "alice", LATER.plusSeconds(1))).isEmpty();
    }

    @Test
    void putReplacesThePersonAndTheExpiry() {
        cache.put(People.alice(), NOW.plusSeconds(60));
        Identity moved = People.person(
                "alice",
                "alice@example.com",
                "Alice Chen",
                List.of("sre-leads"),
                People.bob().environments());

        cache.put(moved, LATER);

        assertThat(cache.find("console", "alice", NOW.plusSeconds(120))).contains(moved);
    }

    @Test
    void putCanShortenTheExpiry() {
        cache.put(People.alice(), LATER);

        cache.put(People.alice(), NOW.plusSeconds(60));

        assertThat(cache.find("console", "alice", NOW.plusSeconds(59))).contains(People.alice());
        assertThat(cache.find("console", "alice", NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void evictForgetsOnlyThatPerson() {
        cache.put(People.alice(), LATER);
        cache.put(People.bob(), LATER);

        cache.evict("console", "alice");
        cache.evict("console", "nobody");

        assertThat(cache.find("console", "alice", NOW)).isEmpty();
        assertThat(cache.find("console", "bob", NOW)).contains(People.bob());
    }

    @Test
    void entriesAreKeyedByPlatformAndChatUser() {
        Identity onConsole = People.alice();
        Identity onSlack = onPlatform("slack", People.bob(), "alice");
        cache.put(onConsole, LATER);
        cache.put(onSlack, LATER);

        assertThat(cache.find("console", "alice", NOW)).contains(onConsole);
        assertThat(cache.find("slack", "alice", NOW)).contains(onSlack);
        assertThat(cache.find("teams", "alice", NOW)).isEmpty();

        cache.evict("slack", "alice");

        assertThat(cache.find("slack", "alice", NOW)).isEmpty();
        assertThat(cache.find("console", "alice", NOW)).contains(onConsole);
    }

    @Test
    void anotherReplicaFindsWhatOnePutAndMissesWhatOneEvicted() {
        IdentityCache other = anotherReplicaOf(cache);
        cache.put(People.alice(), LATER);
        cache.put(People.bob(), LATER);

        cache.evict("console", "bob");

        assertThat(other.find("console", "alice", NOW)).contains(People.alice());
        assertThat(other.find("console", "bob", NOW)).isEmpty();
    }

    @Test
    void racingPutsOfOnePersonAllSucceedAndOneOfThemIsKept() {
        List<IdentityCache> replicas = List.of(cache, anotherReplicaOf(cache));
        List<Identity> versions = Race.of(8, racer -> {
            Identity version = People.person(
                    "alice",
                    "alice@example.com",
                    "Alice " + racer,
                    List.of("shop-oncall"),
                    People.alice().environments());
            replicas.get(racer % 2).put(version, LATER);
            return version;
        });

        assertThat(cache.find("console", "alice", NOW))
                .hasValueSatisfying(kept -> assertThat(versions).contains(kept));
    }

    /** Someone from Identity Center with access in three environments, one of them without any role. */
    private static Identity fullyResolved() {
        return new Identity(
                "slack",
                "U024BE7LH",
                "dana.lee@example.com",
                "Dana Lee",
                DirectorySource.IDENTITY_CENTER,
                "906767e8c1-4a3b0c2d-1e2f-4a5b-8c7d-0e1f2a3b4c5d",
                List.of("shop-oncall", "sre-leads", "all-engineers"),
                List.of(
                        new EnvironmentAccess(
                                "production",
                                People.READ_ROLE,
                                People.WRITE_ROLE,
                                List.of("oncall", "viewers"),
                                List.of("oncall-deployers"),
                                true,
                                List.of("shop-oncall", "sre-leads")),
                        new EnvironmentAccess(
                                "staging",
                                "arn:aws:iam::222222222222:role/opsbot-read-dev",
                                null,
                                List.of("devs"),
                                List.of(),
                                false,
                                List.of("all-engineers")),
                        new EnvironmentAccess(
                                "sandbox", null, null, List.of("sandbox-viewers"), List.of(), false, List.of())),
                Instant.parse("2026-03-10T02:00:00.123456789Z"));
    }

    private static Identity onPlatform(String platform, Identity person, String chatUserId) {
        return new Identity(
                platform,
                chatUserId,
                person.email(),
                person.displayName(),
                person.source(),
                person.directoryUserId(),
                person.groups(),
                person.environments(),
                person.resolvedAt());
    }
}
