package dev.opsbot.identity.directory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * IAM Identity Center's identity store as WireMock speaks it: AWS JSON 1.1, every operation a {@code POST /} named by
 * {@code X-Amz-Target: AWSIdentityStore.<Operation>}, errors as {@code {"__type": ..., "message": ...}}.
 */
public final class IdentityStoreStubs {
    public static final String STORE = "d-1234567890";
    public static final ObjectMapper JSON = new ObjectMapper();

    private IdentityStoreStubs() {}

    /** A directory over WireMock with static keys, as production builds it. */
    public static IdentityCenterDirectory directory(WireMockExtension aws, Duration callTimeout) {
        return IdentityCenterDirectory.create(
                STORE,
                Region.US_EAST_1,
                URI.create(aws.baseUrl()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAOPSBOTEXAMPLE", "secret")),
                callTimeout);
    }

    public static IdentityCenterDirectory directory(WireMockExtension aws) {
        return directory(aws, Duration.ofSeconds(5));
    }

    public static MappingBuilder operation(String name) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSIdentityStore." + name));
    }

    public static RequestPatternBuilder requested(String name) {
        return postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSIdentityStore." + name));
    }

    public static ResponseDefinitionBuilder json(Object body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(write(body));
    }

    public static ResponseDefinitionBuilder error(int status, String type, String message) {
        return error(status, Map.of("__type", type, "message", message));
    }

    public static ResponseDefinitionBuilder error(int status, Map<String, String> body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(write(body));
    }

    /** A user found by e-mail, with a display name (null: none). */
    public static void user(WireMockExtension aws, String email, String userId, String displayName) {
        aws.stubFor(operation("GetUserId")
                .withRequestBody(
                        matchingJsonPath("$.AlternateIdentifier.UniqueAttribute.AttributeValue", equalTo(email)))
                .willReturn(json(Map.of("IdentityStoreId", STORE, "UserId", userId))));
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("IdentityStoreId", STORE);
        user.put("UserId", userId);
        user.put("UserName", email);
        if (displayName != null) {
            user.put("DisplayName", displayName);
        }
        aws.stubFor(operation("DescribeUser")
                .withRequestBody(matchingJsonPath("$.UserId", equalTo(userId)))
                .willReturn(json(user)));
    }

    /** The user's memberships on one page (no NextToken). */
    public static void memberships(WireMockExtension aws, String userId, String... groupIds) {
        aws.stubFor(operation("ListGroupMembershipsForMember")
                .withRequestBody(matchingJsonPath("$.MemberId.UserId", equalTo(userId)))
                .willReturn(json(page(userId, List.of(groupIds), null))));
    }

    public static Map<String, Object> page(String userId, List<String> groupIds, String nextToken) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put(
                "GroupMemberships",
                groupIds.stream()
                        .map(groupId -> Map.of(
                                "IdentityStoreId",
                                STORE,
                                "MembershipId",
                                "m-" + groupId,
                                "GroupId",
                                groupId,
                                "MemberId",
                                Map.of("UserId", userId)))
                        .toList());
        if (nextToken != null) {
            page.put("NextToken", nextToken);
        }
        return page;
    }

    public static void group(WireMockExtension aws, String groupId, String displayName) {
        aws.stubFor(operation("DescribeGroup")
                .withRequestBody(matchingJsonPath("$.GroupId", equalTo(groupId)))
                .willReturn(json(Map.of("IdentityStoreId", STORE, "GroupId", groupId, "DisplayName", displayName))));
    }

    /** No user with this e-mail (any e-mail not stubbed by {@link #user}). */
    public static void noSuchUser(WireMockExtension aws) {
        aws.stubFor(operation("GetUserId")
                .atPriority(10)
                .willReturn(error(
                        400,
                        Map.of(
                                "__type", "ResourceNotFoundException",
                                "message", "USER not found.",
                                "ResourceType", "USER"))));
    }

    public static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
