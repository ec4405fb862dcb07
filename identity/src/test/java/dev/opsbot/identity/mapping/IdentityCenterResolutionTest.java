package dev.opsbot.identity.mapping;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.identity.directory.IdentityStoreStubs.directory;
import static dev.opsbot.identity.directory.IdentityStoreStubs.error;
import static dev.opsbot.identity.directory.IdentityStoreStubs.group;
import static dev.opsbot.identity.directory.IdentityStoreStubs.memberships;
import static dev.opsbot.identity.directory.IdentityStoreStubs.noSuchUser;
import static dev.opsbot.identity.directory.IdentityStoreStubs.operation;
import static dev.opsbot.identity.directory.IdentityStoreStubs.requested;
import static dev.opsbot.identity.directory.IdentityStoreStubs.user;
import static dev.opsbot.identity.mapping.MappingResolverTest.CONTACT;
import static dev.opsbot.identity.mapping.MappingResolverTest.MAPPINGS;
import static dev.opsbot.identity.mapping.MappingResolverTest.NINE;
import static dev.opsbot.identity.mapping.MappingResolverTest.TTL;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.identity.DirectorySource;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.Resolution;
import dev.opsbot.core.identity.Resolution.RefusalKind;
import dev.opsbot.core.testing.InMemoryIdentityCache;
import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.identity.directory.IdentityCenterDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The resolver over IAM Identity Center as the SDK speaks to it: what a person sees in each case. */
class IdentityCenterResolutionTest {
    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final IdentityCenterDirectory directory = directory(aws);
    private final MutableClock clock = new MutableClock(NINE);
    private final MappingResolver resolver =
            new MappingResolver(directory, MAPPINGS, new InMemoryIdentityCache(), TTL, clock, CONTACT);

    @AfterEach
    void close() {
        directory.close();
    }

    @Test
    void aPersonInAMappedIdentityCenterGroupIsMapped() {
        user(aws, "alice@example.com", "u-alice", "Alice Liddell");
        memberships(aws, "u-alice", "g-sre");
        group(aws, "g-sre", "sre");

        Resolution resolution = resolver.resolve("slack", new ChatUser("U01ALICE", "alice", "alice@example.com"));

        assertThat(resolution).isInstanceOf(Resolution.Mapped.class);
        Identity alice = ((Resolution.Mapped) resolution).identity();
        assertThat(alice.source()).isEqualTo(DirectorySource.IDENTITY_CENTER);
        assertThat(alice.directoryUserId()).isEqualTo("u-alice");
        assertThat(alice.displayName()).isEqualTo("Alice Liddell");
        assertThat(alice.access("production").orElseThrow().grantedBy()).containsExactly("sre");
    }

    @Test
    void aSecondResolutionWithinTheTtlDoesNotReachIdentityCenter() {
        user(aws, "alice@example.com", "u-alice", "Alice Liddell");
        memberships(aws, "u-alice", "g-sre");
        group(aws, "g-sre", "sre");
        ChatUser alice = new ChatUser("U01ALICE", "alice", "alice@example.com");

        resolver.resolve("slack", alice);
        resolver.resolve("slack", alice);

        assertThat(aws.findAll(requested("GetUserId"))).hasSize(1);
    }

    @Test
    void anEmailIdentityCenterDoesNotKnowIsNotInTheDirectory() {
        noSuchUser(aws);

        Resolution resolution = resolver.resolve("slack", new ChatUser("U09MAL", "mallory", "mallory@example.com"));

        assertThat(resolution).isInstanceOfSatisfying(Resolution.Refused.class, refused -> {
            assertThat(refused.kind()).isEqualTo(RefusalKind.NOT_IN_DIRECTORY);
            assertThat(refused.message())
                    .isEqualTo("mallory@example.com is not mapped to any cloud identity: IAM Identity Center "
                            + "(d-1234567890) has no user with this e-mail. Ask #platform-access to add "
                            + "mallory@example.com to one of the groups opsbot maps: developers, sre.");
        });
    }

    @Test
    void aThrottledIdentityCenterIsUnavailableNotAMiss() {
        aws.stubFor(operation("GetUserId").willReturn(error(400, "ThrottlingException", "Rate exceeded")));

        Resolution resolution = resolver.resolve("slack", new ChatUser("U01ALICE", "alice", "alice@example.com"));

        assertThat(resolution).isInstanceOfSatisfying(Resolution.Refused.class, refused -> {
            assertThat(refused.kind()).isEqualTo(RefusalKind.DIRECTORY_UNAVAILABLE);
            assertThat(refused.message())
                    .isEqualTo("I couldn't check who you are: IAM Identity Center did not answer "
                            + "(ThrottlingException); try again in a minute. If it keeps failing, tell "
                            + "#platform-access.");
        });
    }
}
