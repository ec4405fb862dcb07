package dev.opsbot.tools.aws;

import dev.opsbot.core.policy.PolicyViolation;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.guard.AwsGuard;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

/**
 * One AWS SDK client, shared by every person, that holds no identity: credentials go with each request, so a call
 * made without them fails rather than fall back on opsbot's own. It carries the {@link AwsGuard}, checking each call
 * against the guardrails before it is signed or sent, and tries a call at most {@value #MAX_ATTEMPTS} times, always
 * within what is left of the caller's deadline.
 *
 * @param <C> the service's client ({@code CostExplorerClient})
 */
public final class GuardedClient<C extends SdkClient> implements AutoCloseable {
    /** An SDK call is attempted at most this often (one retry), always within the caller's deadline. */
    public static final int MAX_ATTEMPTS = 2;

    /** How a call the guardrails refuse reaches the caller. */
    public enum Refusals {
        /** As the {@link PolicyViolation} itself, for callers that report refusals on their own. */
        THROWN,
        /** As a FORBIDDEN {@link SourceFailure} naming the rule, which a read tool answers as an error. */
        FORBIDDEN
    }

    private final C client;
    private final Function<ToolContext, AwsCredentialsProvider> credentials;
    private final AwsFailures failures;
    private final Refusals refusals;

    private GuardedClient(
            C client,
            Function<ToolContext, AwsCredentialsProvider> credentials,
            AwsFailures failures,
            Refusals refusals) {
        this.client = client;
        this.credentials = credentials;
        this.failures = failures;
        this.refusals = Objects.requireNonNull(refusals, "refusals");
    }

    /**
     * @param builder the service's client builder ({@code ConfigClient.builder()})
     * @param region the region, or null for the SDK's default chain ({@code AWS_REGION}, the profile)
     * @param endpoint an endpoint override, or null for the SDK's own settings ({@code AWS_ENDPOINT_URL_<SERVICE>})
     * @param failures how the service's failures read
     */
    public static <B extends AwsClientBuilder<B, C>, C extends SdkClient> GuardedClient<C> build(
            B builder, Region region, URI endpoint, AwsAccess access, AwsFailures failures, Refusals refusals) {
        if (region != null) {
            builder.region(region);
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        String service = failures.service();
        AwsCredentialsProvider noBotIdentity = () -> {
            throw SdkClientException.create(service + " calls carry the acting person's credentials; none were given");
        };
        AwsGuard guard = new AwsGuard(access.guard(), access.environment());
        C client = builder.credentialsProvider(noBotIdentity)
                .overrideConfiguration(
                        c -> c.retryStrategy(b -> b.maxAttempts(MAX_ATTEMPTS)).addExecutionInterceptor(guard))
                .build();
        return new GuardedClient<>(client, access.credentials(), failures, refusals);
    }

    /** The client itself, for what it says of its own settings (its region). */
    public C client() {
        return client;
    }

    /**
     * Runs one call as the context's person, within what is left of its deadline: {@code call} gets the client and
     * the request settings it must pass on to the SDK (the person's credentials, the call timeout).
     *
     * @param permission the IAM action a refusal means is missing ({@code config:DescribeComplianceByConfigRule})
     * @throws SourceFailure TIMEOUT when no time is left (nothing is sent), else what the call's failure means
     */
    public <T> T call(ToolContext context, String permission, BiFunction<C, AwsRequestOverrideConfiguration, T> call) {
        Duration left = context.remaining();
        if (left.isZero()) {
            throw failures.timeout(Duration.ZERO);
        }
        AwsRequestOverrideConfiguration asActor = AwsRequestOverrideConfiguration.builder()
                .credentialsProvider(credentials.apply(context))
                .apiCallTimeout(left)
                .build();
        try {
            return call.apply(client, asActor);
        } catch (PolicyViolation refused) {
            throw refusals == Refusals.THROWN ? refused : failures.refused(refused);
        } catch (SdkException e) {
            throw failures.translate(e, permission, left);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
