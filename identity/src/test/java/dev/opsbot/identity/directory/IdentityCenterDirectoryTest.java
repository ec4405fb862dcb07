package dev.opsbot.identity.directory;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.identity.directory.IdentityStoreStubs.STORE;
import static dev.opsbot.identity.directory.IdentityStoreStubs.body;
import static dev.opsbot.identity.directory.IdentityStoreStubs.directory;
import static dev.opsbot.identity.directory.IdentityStoreStubs.error;
import static dev.opsbot.identity.directory.IdentityStoreStubs.group;
import static dev.opsbot.identity.directory.IdentityStoreStubs.json;
import static dev.opsbot.identity.directory.IdentityStoreStubs.memberships;
import static dev.opsbot.identity.directory.IdentityStoreStubs.noSuchUser;
import static dev.opsbot.identity.directory.IdentityStoreStubs.operation;
import static dev.opsbot.identity.directory.IdentityStoreStubs.page;
import static dev.opsbot.identity.directory.IdentityStoreStubs.parse;
import static dev.opsbot.identity.directory.IdentityStoreStubs.requested;
import static dev.opsbot.identity.directory.IdentityStoreStubs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opsbot.core.identity.DirectorySource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdentityCenterDirectoryTest {
    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private IdentityCenterDirectory directory;

    @BeforeEach
    void connect() {
        directory = directory(aws);
    }

    @AfterEach
    void close() {
        directory.close();
    }

    @Test
    void findsAPersonByEmailWithTheirDisplayNameAndGroupNames() {
        user(aws, "alice@example.com", "u-alice", "Alice Liddell");
        memberships(aws, "u-alice", "g-sre", "g-dev");
        group(aws, "g-sre", "sre");
        group(aws, "g-dev", "developers");

        Optional<DirectoryPerson> alice = directory.find("alice@example.com");

        assertThat(alice)
                .contains(new DirectoryPerson(
                        DirectorySource.IDENTITY_CENTER, "u-alice", "Alice Liddell", List.of("sre", "developers")));
    }

    @Test
    void getUserIdAsksTheIdentityStoreForTheEmailAsAUniqueAttribute() {
        user(aws, "alice@example.com", "u-alice", "Alice Liddell");
        memberships(aws, "u-alice");

        directory.find("alice@example.com");

        List<LoggedRequest> asked = aws.findAll(requested("GetUserId"));
        assertThat(asked).hasSize(1);
        assertThat(asked.getFirst().getHeader("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(body(asked.getFirst()))
                .isEqualTo(parse("{\"IdentityStoreId\":\"d-1234567890\",\"AlternateIdentifier\":"
                        + "{\"UniqueAttribute\":{\"AttributePath\":\"emails.value\","
                        + "\"AttributeValue\":\"alice@example.com\"}}}"));
    }

    @Test
    void theUsersOwnCallsNameTheStoreAndTheUser() {
        user(aws, "alice@example.com", "u-alice", "Alice Liddell");
        memberships(aws, "u-alice", "g-sre");
        group(aws, "g-sre", "sre");

        directory.find("alice@example.com");

        assertThat(body(aws.findAll(requested("DescribeUser")).getFirst()))
                .isEqualTo(parse("{\"IdentityStoreId\":\"d-1234567890\",\"UserId\":\"u-alice\"}"));
        assertThat(body(aws.findAll(requested("ListGroupMembershipsForMember")).getFirst()))
                .isEqualTo(parse("{\"IdentityStoreId\":\"d-1234567890\",\"MemberId\":{\"UserId\":\"u-alice\"}}"));
        assertThat(body(aws.findAll(requested("DescribeGroup")).getFirst()))
                .isEqualTo(parse("{\"IdentityStoreId\":\"d-1234567890\",\"GroupId\":\"g-sre\"}"));
    }

    @Test
    void membershipPagesAreFollowedToTheLastOne() {
        user(aws, "alice@example.com", "u-alice", "Alice Liddell");
        aws.stubFor(operation("ListGroupMembershipsForMember")
                .withRequestBody(matchingJsonPath("$.NextToken", absent()))
                .willReturn(json(page("u-alice", List.of("g-sre"), "page-2"))));
        aws.stubFor(operation("ListGroupMembershipsForMember")
                .withRequestBody(matchingJsonPath("$.NextToken", WireMock.equalTo("page-2")))
                .willReturn(json(page("u-alice", List.of("g-dev"), null))));
        group(aws, "g-sre", "sre");
        group(aws, "g-dev", "developers");

        DirectoryPerson alice = directory.find("alice@example.com").orElseThrow();

        assertThat(alice.groups()).containsExactly("sre", "developers");
        List<LoggedRequest> pages = aws.findAll(requested("ListGroupMembershipsForMember"));
        assertThat(pages).hasSize(2);
        assertThat(body(pages.get(1)))
                .isEqualTo(parse("{\"IdentityStoreId\":\"d-1234567890\",\"MemberId\":{\"UserId\":\"u-alice\"},"
                        + "\"NextToken\":\"page-2\"}"));
    }

    @Test
    void eachGroupIsDescribedOnceAcrossResolutions() {
        user(aws, "alice@example.com", "u-alice", "Alice Liddell");
        user(aws, "bob@example.com", "u-bob", "Bob");
        memberships(aws, "u-alice", "g-sre", "g-dev");
        memberships(aws, "u-bob", "g-sre");
        group(aws, "g-sre", "sre");
        group(aws, "g-dev", "developers");

        directory.find("alice@example.com");
        directory.find("alice@example.com");
        DirectoryPerson bob = directory.find("bob@example.com").orElseThrow();

        assertThat(bob.groups()).containsExactly("sre");
        assertThat(aws.findAll(requested("DescribeGroup"))).hasSize(2);
        assertThat(aws.findAll(requested("ListGroupMembershipsForMember"))).hasSize(3);
    }

    @Test
    void anEmailTheStoreDoesNotKnowIsAMissNotAFailure() {
        noSuchUser(aws);

        assertThat(directory.find("mallory@example.com")).isEmpty();
        assertThat(aws.findAll(requested("DescribeUser"))).isEmpty();
    }

    @Test
    void aUserWithoutADisplayNameIsShownByEmail() {
        user(aws, "carol@example.com", "u-carol", null);
        memberships(aws, "u-carol");

        assertThat(directory.find("carol@example.com").orElseThrow().displayName())
                .isEqualTo("carol@example.com");
    }

    @Test
    void aGroupDeletedWhileReadingIsLeftOut() {
        user(aws, "alice@example.com", "u-alice", "Alice Liddell");
        memberships(aws, "u-alice", "g-gone", "g-sre");
        group(aws, "g-sre", "sre");
        aws.stubFor(operation("DescribeGroup")
                .withRequestBody(matchingJsonPath("$.GroupId", WireMock.equalTo("g-gone")))
                .willReturn(error(
                        400,
                        Map.of(
                                "__type",
                                "ResourceNotFoundException",
                                "message",
                                "GROUP not found.",
                                "ResourceType",
                                "GROUP"))));

        assertThat(directory.find("alice@example.com").orElseThrow().groups()).containsExactly("sre");
    }

    @Test
    void throttlingIsUnavailableAfterTwoAttempts() {
        aws.stubFor(operation("GetUserId").willReturn(error(400, "ThrottlingException", "Rate exceeded")));

        assertThatThrownBy(() -> directory.find("alice@example.com"))
                .isInstanceOfSatisfying(DirectoryUnavailableException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("IAM Identity Center did not answer (ThrottlingException)");
                    assertThat(e.retriable()).isTrue();
                });
        assertThat(aws.findAll(requested("GetUserId"))).hasSize(2);
    }

    @Test
    void throttlingAnsweredWith429IsUnavailable() {
        aws.stubFor(operation("GetUserId").willReturn(error(429, "ThrottlingException", "Rate exceeded")));

        assertThatThrownBy(() -> directory.find("alice@example.com"))
                .isInstanceOf(DirectoryUnavailableException.class)
                .hasMessage("IAM Identity Center did not answer (ThrottlingException)");
    }

    @Test
    void aServerErrorIsUnavailable() {
        aws.stubFor(operation("GetUserId").willReturn(error(500, "InternalServerException", "oops")));

        assertThatThrownBy(() -> directory.find("alice@example.com"))
                .isInstanceOfSatisfying(DirectoryUnavailableException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("IAM Identity Center did not answer (InternalServerException)");
                    assertThat(e.retriable()).isTrue();
                });
    }

    @Test
    void accessDeniedNamesThePermissionOpsbotsOwnRoleLacks() {
        user(aws, "alice@example.com", "u-alice", "Alice Liddell");
        aws.stubFor(operation("ListGroupMembershipsForMember")
                .willReturn(error(400, "AccessDeniedException", "User is not authorized")));

        assertThatThrownBy(() -> directory.find("alice@example.com"))
                .isInstanceOfSatisfying(DirectoryUnavailableException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("IAM Identity Center refused opsbot's own AWS identity (AccessDeniedException): "
                                    + "it needs identitystore:ListGroupMembershipsForMember on identity store "
                                    + STORE);
                    assertThat(e.retriable()).isFalse();
                });
        assertThat(aws.findAll(requested("ListGroupMembershipsForMember"))).hasSize(1);
    }

    @Test
    void anUnknownIdentityStoreIsOpsbotsSetupNotAnUnknownPerson() {
        aws.stubFor(operation("GetUserId")
                .willReturn(error(
                        400,
                        Map.of(
                                "__type", "ResourceNotFoundException",
                                "message", "IDENTITY_STORE not found.",
                                "ResourceType", "IDENTITY_STORE",
                                "ResourceId", STORE))));

        assertThatThrownBy(() -> directory.find("alice@example.com"))
                .isInstanceOfSatisfying(DirectoryUnavailableException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("IAM Identity Center has no identity store d-1234567890 in this region "
                                    + "(ResourceNotFoundException): check the identity store id and region");
                    assertThat(e.retriable()).isFalse();
                });
    }

    @Test
    void anErrorTypeWithItsNamespaceIsUnderstood() {
        aws.stubFor(operation("GetUserId")
                .willReturn(error(400, "com.amazonaws.identitystore#ResourceNotFoundException", "USER not found.")));

        assertThat(directory.find("mallory@example.com")).isEmpty();
    }
}
