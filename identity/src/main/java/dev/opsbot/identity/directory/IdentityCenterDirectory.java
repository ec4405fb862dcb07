package dev.opsbot.identity.directory;

import dev.opsbot.core.identity.DirectorySource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClientBuilder;
import software.amazon.awssdk.services.identitystore.model.DescribeUserResponse;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;

/**
 * People in IAM Identity Center's identity store, found by e-mail ({@code GetUserId} on {@code emails.value}), named
 * by {@code DescribeUser} and grouped by their memberships, each group named by {@code DescribeGroup}. Group names are
 * kept in memory for the life of the process: groups are renamed rarely, memberships are what changes, and those are
 * asked for at every resolution. Asks with opsbot's own AWS identity: it needs {@code identitystore:GetUserId},
 * {@code DescribeUser}, {@code ListGroupMembershipsForMember} and {@code DescribeGroup}.
 */
public final class IdentityCenterDirectory implements Directory, AutoCloseable {
    /** How long one Identity Store call may take, both attempts included. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);
    /** An Identity Store call is attempted at most this often (one retry). */
    static final int MAX_ATTEMPTS = 2;

    private static final Logger log = LoggerFactory.getLogger(IdentityCenterDirectory.class);
    private static final Pattern STORE_ID =
            Pattern.compile("d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final IdentitystoreClient client;
    private final boolean ownsClient;
    private final String identityStoreId;
    private final IdentityStoreFailures failures;
    private final Map<String, String> groupNames = new ConcurrentHashMap<>();

    /** Over a client the caller built and closes; {@code callTimeout} is only what failures say was waited. */
    public IdentityCenterDirectory(IdentitystoreClient client, String identityStoreId, Duration callTimeout) {
        this(client, false, identityStoreId, callTimeout);
    }

    private IdentityCenterDirectory(
            IdentitystoreClient client, boolean ownsClient, String identityStoreId, Duration callTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
        this.identityStoreId = requireStoreId(identityStoreId);
        this.failures = new IdentityStoreFailures(identityStoreId, Objects.requireNonNull(callTimeout, "callTimeout"));
    }

    /**
     * The production client: opsbot's own credentials, a call timeout and at most {@value #MAX_ATTEMPTS} attempts.
     *
     * @param region the identity store's region, or null for the SDK's default chain ({@code AWS_REGION}, profile)
     * @param endpoint an endpoint override, or null to keep the SDK's own settings ({@code AWS_ENDPOINT_URL_IDENTITYSTORE},
     *     {@code AWS_ENDPOINT_URL})
     * @param credentials opsbot's credentials, or null for the SDK's default chain
     * @param callTimeout the limit of one call, retry included, or null for {@link #DEFAULT_CALL_TIMEOUT}
     */
    public static IdentityCenterDirectory create(
            String identityStoreId,
            Region region,
            URI endpoint,
            AwsCredentialsProvider credentials,
            Duration callTimeout) {
        return create(identityStoreId, region, endpoint, credentials, callTimeout, List.of());
    }

    /**
     * As {@link #create(String, Region, URI, AwsCredentialsProvider, Duration)}, with {@code interceptors} added to
     * every call: the guardrails' {@code AwsGuard} in production, which checks each operation before it is sent.
     */
    public static IdentityCenterDirectory create(
            String identityStoreId,
            Region region,
            URI endpoint,
            AwsCredentialsProvider credentials,
            Duration callTimeout,
            List<ExecutionInterceptor> interceptors) {
        Duration timeout = callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout;
        List<ExecutionInterceptor> extra = List.copyOf(interceptors);
        IdentitystoreClientBuilder builder = IdentitystoreClient.builder()
                .credentialsProvider(
                        credentials == null
                                ? DefaultCredentialsProvider.builder().build()
                                : credentials)
                .overrideConfiguration(c -> c.apiCallTimeout(timeout)
                        .retryStrategy(b -> b.maxAttempts(MAX_ATTEMPTS))
                        .executionInterceptors(extra));
        if (region != null) {
            builder.region(region);
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return new IdentityCenterDirectory(builder.build(), true, identityStoreId, timeout);
    }

    /** The production client with the SDK's default region, endpoint and credentials. */
    public static IdentityCenterDirectory create(String identityStoreId) {
        return create(identityStoreId, null, null, null, null);
    }

    @Override
    public Optional<DirectoryPerson> find(String email) {
        Objects.requireNonNull(email, "email");
        try {
            Optional<String> userId = userId(email);
            if (userId.isEmpty()) {
                log.debug("identity store {} has no user with e-mail {}", identityStoreId, email);
                return Optional.empty();
            }
            String displayName = displayName(userId.get(), email);
            List<String> groups = groups(userId.get());
            return Optional.of(new DirectoryPerson(DirectorySource.IDENTITY_CENTER, userId.get(), displayName, groups));
        } catch (ResourceNotFoundException vanished) {
            if (IdentityStoreFailures.isUnknownStore(vanished)) {
                throw failures.translate("GetUserId", vanished);
            }
            log.debug("user with e-mail {} vanished from identity store {} while being read", email, identityStoreId);
            return Optional.empty();
        }
    }

    @Override
    public String description() {
        return DirectorySource.IDENTITY_CENTER.description() + " (" + identityStoreId + ")";
    }

    private Optional<String> userId(String email) {
        try {
            return Optional.of(call(
                            "GetUserId",
                            () -> client.getUserId(r -> r.identityStoreId(identityStoreId)
                                    .alternateIdentifier(a -> a.uniqueAttribute(u -> u.attributePath("emails.value")
                                            .attributeValue(Document.fromString(email))))))
                    .userId());
        } catch (ResourceNotFoundException notFound) {
            if (IdentityStoreFailures.isUnknownStore(notFound)) {
                throw notFound;
            }
            return Optional.empty();
        }
    }

    private String displayName(String userId, String email) {
        DescribeUserResponse user = call(
                "DescribeUser",
                () -> client.describeUser(
                        r -> r.identityStoreId(identityStoreId).userId(userId)));
        if (hasText(user.displayName())) {
            return user.displayName();
        }
        if (user.name() != null && hasText(user.name().formatted())) {
            return user.name().formatted();
        }
        return email;
    }

    private List<String> groups(String userId) {
        List<String> names = new ArrayList<>();
        call("ListGroupMembershipsForMember", () -> {
            for (GroupMembership membership : client.listGroupMembershipsForMemberPaginator(
                            r -> r.identityStoreId(identityStoreId).memberId(MemberId.fromUserId(userId)))
                    .groupMemberships()) {
                groupName(membership.groupId()).ifPresent(names::add);
            }
            return names;
        });
        return names.stream().distinct().toList();
    }

    /** Empty when the group was deleted since the membership was listed. */
    private Optional<String> groupName(String groupId) {
        String known = groupNames.get(groupId);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            String name = call(
                            "DescribeGroup",
                            () -> client.describeGroup(
                                    r -> r.identityStoreId(identityStoreId).groupId(groupId)))
                    .displayName();
            String shown = hasText(name) ? name : groupId;
            groupNames.put(groupId, shown);
            return Optional.of(shown);
        } catch (ResourceNotFoundException deleted) {
            if (IdentityStoreFailures.isUnknownStore(deleted)) {
                throw deleted;
            }
            return Optional.empty();
        }
    }

    /**
     * Runs one call, translating every failure except a missing resource, which the caller decides about. A failure
     * already translated by a nested call (a DescribeGroup inside the membership pages) passes through as it is.
     */
    private <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceNotFoundException notFound) {
            throw notFound;
        } catch (SdkException e) {
            throw failures.translate(operation, e);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static String requireStoreId(String identityStoreId) {
        Objects.requireNonNull(identityStoreId, "identityStoreId");
        if (!STORE_ID.matcher(identityStoreId).matches()) {
            throw new IllegalArgumentException("'" + identityStoreId + "' is not an identity store id: IAM Identity "
                    + "Center shows it as d-1234567890 (Settings, Identity source)");
        }
        return identityStoreId;
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
