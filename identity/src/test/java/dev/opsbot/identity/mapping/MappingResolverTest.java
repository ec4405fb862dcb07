package dev.opsbot.identity.mapping;

import static dev.opsbot.identity.mapping.GroupMappingsTest.PROD_READ;
import static dev.opsbot.identity.mapping.GroupMappingsTest.PROD_WRITE;
import static dev.opsbot.identity.mapping.GroupMappingsTest.STAGING_READ;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.identity.DirectorySource;
import dev.opsbot.core.identity.EnvironmentAccess;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.IdentityCache;
import dev.opsbot.core.identity.Resolution;
import dev.opsbot.core.identity.Resolution.Mapped;
import dev.opsbot.core.identity.Resolution.RefusalKind;
import dev.opsbot.core.identity.Resolution.Refused;
import dev.opsbot.core.testing.InMemoryIdentityCache;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.identity.directory.ChainedDirectory;
import dev.opsbot.identity.directory.Directory;
import dev.opsbot.identity.directory.DirectoryPerson;
import dev.opsbot.identity.directory.DirectoryUnavailableException;
import dev.opsbot.identity.directory.StaticDirectory;
import dev.opsbot.identity.directory.StaticPerson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MappingResolverTest {
    static final String CONTACT = "#platform-access";
    static final Duration TTL = Duration.ofMinutes(15);
    static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    static final ChatUser ALICE = new ChatUser("U01ALICE", "alice", "alice@example.com");

    static final GroupMappings MAPPINGS = GroupMappings.of(
            new GroupMapping("developers", "staging", STAGING_READ, null, List.of("view"), List.of(), false),
            new GroupMapping("sre", "production", PROD_READ, PROD_WRITE, List.of("view"), List.of("edit"), true),
            new GroupMapping("developers", "production", null, null, List.of("view", "dev"), List.of(), false));

    private final MutableClock clock = new MutableClock(NINE);
    private final InMemoryIdentityCache cache = new InMemoryIdentityCache();
    private final StaticDirectory configured = new StaticDirectory(List.of(
            new StaticPerson("alice@example.com", "Alice Liddell", List.of("sre", "developers")),
            new StaticPerson("dave@example.com", "Dave", List.of("finance", "everyone")),
            new StaticPerson("erin@example.com", null, List.of())));

    private MappingResolver resolver(Directory directory) {
        return new MappingResolver(directory, MAPPINGS, cache, TTL, clock, CONTACT);
    }

    @Test
    void aConfiguredPersonIsMappedWithAccessMergedAcrossTheirGroups() {
        Resolution resolution = resolver(configured).resolve("slack", ALICE);

        assertThat(resolution)
                .isEqualTo(new Mapped(new Identity(
                        "slack",
                        "U01ALICE",
                        "alice@example.com",
                        "Alice Liddell",
                        DirectorySource.STATIC,
                        null,
                        List.of("sre", "developers"),
                        List.of(
                                new EnvironmentAccess(
                                        "staging",
                                        STAGING_READ,
                                        null,
                                        List.of("view"),
                                        List.of(),
                                        false,
                                        List.of("developers")),
                                new EnvironmentAccess(
                                        "production",
                                        PROD_READ,
                                        PROD_WRITE,
                                        List.of("view", "dev"),
                                        List.of("edit"),
                                        true,
                                        List.of("sre", "developers"))),
                        NINE)));
    }

    @Test
    void theChatNameIsShownWhenTheDirectoryNamesNobody() {
        StaticDirectory unnamed =
                new StaticDirectory(List.of(new StaticPerson("alice@example.com", null, List.of("sre"))));

        Identity alice =
                mapped(resolver(unnamed).resolve("slack", new ChatUser("U01ALICE", "Alice L.", "alice@example.com")));

        assertThat(alice.displayName()).isEqualTo("Alice L.");
    }

    @Test
    void aConfiguredPersonOverridesIdentityCenter() {
        CountingDirectory identityCenter = new CountingDirectory("IAM Identity Center (d-1234567890)")
                .with(
                        "alice@example.com",
                        new DirectoryPerson(
                                DirectorySource.IDENTITY_CENTER, "u-alice", "Alice", List.of("developers")));

        Identity alice =
                mapped(resolver(ChainedDirectory.of(configured, identityCenter)).resolve("slack", ALICE));

        assertThat(alice.source()).isEqualTo(DirectorySource.STATIC);
        assertThat(alice.groups()).containsExactly("sre", "developers");
        assertThat(identityCenter.asked()).isZero();
    }

    @Test
    void someoneNotConfiguredIsMappedFromIdentityCenter() {
        CountingDirectory identityCenter = new CountingDirectory("IAM Identity Center (d-1234567890)")
                .with(
                        "frank@example.com",
                        new DirectoryPerson(
                                DirectorySource.IDENTITY_CENTER, "u-frank", "Frank", List.of("developers")));

        Identity frank = mapped(resolver(ChainedDirectory.of(configured, identityCenter))
                .resolve("teams", new ChatUser("29:frank", "Frank", "frank@example.com")));

        assertThat(frank.source()).isEqualTo(DirectorySource.IDENTITY_CENTER);
        assertThat(frank.directoryUserId()).isEqualTo("u-frank");
        assertThat(frank.environments())
                .extracting(EnvironmentAccess::environment)
                .containsExactly("staging", "production");
    }

    @Test
    void aMappedPersonIsServedFromTheCacheUntilTheTtlPasses() {
        CountingDirectory directory = counting();
        MappingResolver resolver = resolver(directory);

        Identity first = mapped(resolver.resolve("slack", ALICE));
        clock.advance(TTL.minusSeconds(1));
        Identity second = mapped(resolver.resolve("slack", ALICE));

        assertThat(directory.asked()).isEqualTo(1);
        assertThat(second).isEqualTo(first);

        clock.advance(Duration.ofSeconds(1));
        Identity third = mapped(resolver.resolve("slack", ALICE));

        assertThat(directory.asked()).isEqualTo(2);
        assertThat(third.resolvedAt()).isEqualTo(NINE.plus(TTL));
    }

    @Test
    void theCacheIsKeptPerPlatform() {
        CountingDirectory directory = counting();
        MappingResolver resolver = resolver(directory);

        resolver.resolve("slack", ALICE);
        resolver.resolve("console", ALICE);

        assertThat(directory.asked()).isEqualTo(2);
    }

    @Test
    void forgettingAPersonMakesTheNextResolutionAskTheDirectory() {
        CountingDirectory directory = counting();
        MappingResolver resolver = resolver(directory);
        resolver.resolve("slack", ALICE);

        resolver.forget("slack", "U01ALICE");
        resolver.resolve("slack", ALICE);

        assertThat(directory.asked()).isEqualTo(2);
    }

    @Test
    void aSlackUserWithoutEmailIsToldAboutTheScopeOpsbotNeeds() {
        Refused refused = refused(resolver(configured).resolve("slack", new ChatUser("U09MAL", "mallory", null)));

        assertThat(refused.kind()).isEqualTo(RefusalKind.NO_EMAIL);
        assertThat(refused.message())
                .isEqualTo("I don't know who mallory is: Slack shows no e-mail address for them, and opsbot maps "
                        + "people by e-mail. Ask #platform-access to let opsbot see e-mail addresses on Slack: the "
                        + "Slack app needs the users:read.email scope.");
    }

    @Test
    void aTeamsUserWithABlankEmailIsAskedToHaveItShown() {
        Refused refused = refused(resolver(configured).resolve("teams", new ChatUser("29:mal", "Mallory", " ")));

        assertThat(refused.kind()).isEqualTo(RefusalKind.NO_EMAIL);
        assertThat(refused.message())
                .isEqualTo("I don't know who Mallory is: Microsoft Teams shows no e-mail address for them, and opsbot "
                        + "maps people by e-mail. Ask #platform-access to make sure Microsoft Teams shows opsbot your "
                        + "e-mail address.");
    }

    @Test
    void someoneNoDirectoryKnowsIsToldWhichGroupsToJoin() {
        Refused refused = refused(
                resolver(configured).resolve("slack", new ChatUser("U09MAL", "mallory", "mallory@example.com")));

        assertThat(refused.kind()).isEqualTo(RefusalKind.NOT_IN_DIRECTORY);
        assertThat(refused.message())
                .isEqualTo("mallory@example.com is not mapped to any cloud identity: opsbot's configuration "
                        + "(identity.people) has no user with this e-mail. Ask #platform-access to add "
                        + "mallory@example.com to one of the groups opsbot maps: developers, sre.");
    }

    @Test
    void someoneInNoMappedGroupIsToldTheirGroupsAndWhichToJoin() {
        Refused refused =
                refused(resolver(configured).resolve("slack", new ChatUser("U04DAVE", "dave", "dave@example.com")));

        assertThat(refused.kind()).isEqualTo(RefusalKind.NO_MAPPED_GROUP);
        assertThat(refused.message())
                .isEqualTo("dave@example.com is not mapped to any cloud identity: none of their groups (finance, "
                        + "everyone) is mapped in opsbot. Ask #platform-access to add dave@example.com to one of the "
                        + "groups opsbot maps: developers, sre.");
    }

    @Test
    void someoneInNoGroupAtAllIsToldSo() {
        Refused refused =
                refused(resolver(configured).resolve("slack", new ChatUser("U05ERIN", "erin", "erin@example.com")));

        assertThat(refused.kind()).isEqualTo(RefusalKind.NO_MAPPED_GROUP);
        assertThat(refused.reason())
                .isEqualTo("erin@example.com is not mapped to any cloud identity: none of their groups (none) is "
                        + "mapped in opsbot");
    }

    @Test
    void aDirectoryThatDidNotAnswerIsWorthAnotherTry() {
        Directory down = email -> {
            throw new DirectoryUnavailableException("IAM Identity Center did not answer (ThrottlingException)", null);
        };

        Refused refused = refused(resolver(down).resolve("slack", ALICE));

        assertThat(refused.kind()).isEqualTo(RefusalKind.DIRECTORY_UNAVAILABLE);
        assertThat(refused.message())
                .isEqualTo("I couldn't check who you are: IAM Identity Center did not answer (ThrottlingException); "
                        + "try again in a minute. If it keeps failing, tell #platform-access.");
    }

    @Test
    void aDirectoryOpsbotMayNotAskIsNotWorthAnotherTry() {
        Directory denied = email -> {
            throw new DirectoryUnavailableException(
                    "IAM Identity Center refused opsbot's own AWS identity (AccessDeniedException): it needs "
                            + "identitystore:GetUserId on identity store d-1234567890",
                    false,
                    null);
        };

        Refused refused = refused(resolver(denied).resolve("slack", ALICE));

        assertThat(refused.kind()).isEqualTo(RefusalKind.DIRECTORY_UNAVAILABLE);
        assertThat(refused.message())
                .isEqualTo("I couldn't check who you are: IAM Identity Center refused opsbot's own AWS identity "
                        + "(AccessDeniedException): it needs identitystore:GetUserId on identity store d-1234567890. "
                        + "Tell #platform-access: opsbot's own setup needs fixing, and trying again will not help.");
    }

    @Test
    void aRefusalIsNotCachedSoAFixTakesEffectAtOnce() {
        CountingDirectory directory = new CountingDirectory("IAM Identity Center (d-1234567890)");
        MappingResolver resolver = resolver(directory);
        assertThat(resolver.resolve("slack", ALICE)).isInstanceOf(Refused.class);

        directory.with(
                "alice@example.com",
                new DirectoryPerson(DirectorySource.IDENTITY_CENTER, "u-alice", "Alice", List.of("developers")));

        assertThat(resolver.resolve("slack", ALICE)).isInstanceOf(Mapped.class);
        assertThat(directory.asked()).isEqualTo(2);
    }

    @Test
    void aPersonWhoseGroupsMapNothingIsAskedAgainNextTime() {
        CountingDirectory directory = new CountingDirectory("IAM Identity Center (d-1234567890)")
                .with(
                        "alice@example.com",
                        new DirectoryPerson(DirectorySource.IDENTITY_CENTER, "u-alice", "Alice", List.of()));
        MappingResolver resolver = resolver(directory);

        resolver.resolve("slack", ALICE);
        resolver.resolve("slack", ALICE);

        assertThat(directory.asked()).isEqualTo(2);
        assertThat(cache.find("slack", "U01ALICE", NINE)).isEmpty();
    }

    @Test
    void howToGetAccessNamesTheGroupsThatGrantReadThere() {
        MappingResolver resolver = resolver(configured);

        assertThat(resolver.howToGetAccess("production"))
                .isEqualTo("Ask #platform-access to add you to sre or developers (groups that grant read in "
                        + "production).");
        assertThat(resolver.howToGetAccess("staging"))
                .isEqualTo("Ask #platform-access to add you to developers (the group that grants read in staging).");
        assertThat(resolver.howToGetAccess("qa"))
                .isEqualTo("No group grants access in qa yet: ask #platform-access to map one in opsbot's "
                        + "identity.mappings.");
    }

    @Test
    void withOneMappedGroupTheRemedyNamesIt() {
        GroupMappings one =
                GroupMappings.of(new GroupMapping("sre", "production", PROD_READ, null, List.of(), List.of(), false));
        MappingResolver resolver = new MappingResolver(configured, one, cache, TTL, clock, CONTACT);

        assertThat(refused(resolver.resolve("slack", new ChatUser("U09MAL", "mallory", "mallory@example.com")))
                        .remedy())
                .isEqualTo("Ask #platform-access to add mallory@example.com to sre, the group opsbot maps.");
    }

    @Test
    void withNothingMappedTheRemedyAsksForAMapping() {
        MappingResolver resolver = new MappingResolver(configured, GroupMappings.of(), cache, TTL, clock, CONTACT);

        assertThat(refused(resolver.resolve("slack", ALICE)).message())
                .isEqualTo("alice@example.com is not mapped to any cloud identity: none of their groups (sre, "
                        + "developers) is mapped in opsbot. Ask #platform-access to map a group in opsbot's "
                        + "identity.mappings and add alice@example.com to it.");
    }

    @Test
    void anUnreadableCacheCostsADirectoryCallNotTheAnswer() {
        IdentityCache broken = new IdentityCache() {
            @Override
            public Optional<Identity> find(String platform, String chatUserId, Instant now) {
                throw new IllegalStateException("database is down");
            }

            @Override
            public void put(Identity identity, Instant expiresAt) {
                throw new IllegalStateException("database is down");
            }

            @Override
            public void evict(String platform, String chatUserId) {}
        };
        MappingResolver resolver = new MappingResolver(configured, MAPPINGS, broken, TTL, clock, CONTACT);

        assertThat(resolver.resolve("slack", ALICE)).isInstanceOf(Mapped.class);
    }

    @Test
    void manyWorkersResolvingAtOnceAllGetThePerson() throws Exception {
        MappingResolver resolver = resolver(counting());
        List<Future<Resolution>> answers = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                ChatUser user = i % 2 == 0 ? ALICE : new ChatUser("U04DAVE", "dave", "dave@example.com");
                answers.add(workers.submit(() -> resolver.resolve("slack", user)));
            }
        }
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).get()).isInstanceOf(i % 2 == 0 ? Mapped.class : Refused.class);
        }
    }

    private CountingDirectory counting() {
        return new CountingDirectory("opsbot's configuration (identity.people)")
                .with("alice@example.com", configured.find("alice@example.com").orElseThrow())
                .with("dave@example.com", configured.find("dave@example.com").orElseThrow());
    }

    private static Identity mapped(Resolution resolution) {
        assertThat(resolution).isInstanceOf(Mapped.class);
        return ((Mapped) resolution).identity();
    }

    private static Refused refused(Resolution resolution) {
        assertThat(resolution).isInstanceOf(Refused.class);
        return (Refused) resolution;
    }
}
