package dev.opsbot.tools.cloudwatch;

import dev.opsbot.core.identity.ElevationException;
import dev.opsbot.core.identity.SessionCredentials;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.guard.AwsGuard;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The CloudWatch and CloudWatch Logs clients, shared by every person: credentials go with each request (from the
 * function given here, per actor), never with the client. Without an endpoint override the SDK's own settings apply
 * ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_CLOUDWATCH}, {@code AWS_ENDPOINT_URL_CLOUDWATCH_LOGS}); without
 * a region, its default region chain ({@code AWS_REGION}, the profile).
 *
 * <p>Both clients carry the {@link AwsGuard}: every call is checked against the guardrails before it is signed or
 * sent. Without a guard from the caller they get {@link TransportGuard#defaults()} in
 * {@value #DEFAULT_ENVIRONMENT}.
 */
public final class CloudWatchConnection implements AutoCloseable {
    /** An SDK call is attempted at most this often (one retry), always within the caller's deadline. */
    static final int MAX_ATTEMPTS = 2;
    /** The environment assumed when the caller names none: the strictest. */
    public static final String DEFAULT_ENVIRONMENT = "production";

    private final Function<ToolContext, AwsCredentialsProvider> credentials;
    private final CloudWatchClient metrics;
    private final CloudWatchLogsClient logs;

    /**
     * @param region the region, or null for the SDK's default chain
     * @param metricsEndpoint a CloudWatch endpoint override, or null
     * @param logsEndpoint a CloudWatch Logs endpoint override, or null
     * @param credentials the acting person's credentials for a call: {@link #personsSession()} in production
     */
    public CloudWatchConnection(
            Region region,
            URI metricsEndpoint,
            URI logsEndpoint,
            Function<ToolContext, AwsCredentialsProvider> credentials) {
        this(region, metricsEndpoint, logsEndpoint, credentials, DEFAULT_ENVIRONMENT, TransportGuard.defaults());
    }

    /**
     * @param environment the environment this account is ({@code production}), as the guardrails match it
     * @param guard the guardrails every call passes
     */
    public CloudWatchConnection(
            Region region,
            URI metricsEndpoint,
            URI logsEndpoint,
            Function<ToolContext, AwsCredentialsProvider> credentials,
            String environment,
            TransportGuard guard) {
        AwsGuard awsGuard = new AwsGuard(guard, environment);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        var metricsBuilder = CloudWatchClient.builder();
        var logsBuilder = CloudWatchLogsClient.builder();
        if (region != null) {
            metricsBuilder.region(region);
            logsBuilder.region(region);
        }
        if (metricsEndpoint != null) {
            metricsBuilder.endpointOverride(metricsEndpoint);
        }
        if (logsEndpoint != null) {
            logsBuilder.endpointOverride(logsEndpoint);
        }
        this.metrics = metricsBuilder
                .credentialsProvider(CloudWatchConnection::noBotIdentity)
                .overrideConfiguration(
                        c -> c.retryStrategy(b -> b.maxAttempts(MAX_ATTEMPTS)).addExecutionInterceptor(awsGuard))
                .build();
        this.logs = logsBuilder
                .credentialsProvider(CloudWatchConnection::noBotIdentity)
                .overrideConfiguration(
                        c -> c.retryStrategy(b -> b.maxAttempts(MAX_ATTEMPTS)).addExecutionInterceptor(awsGuard))
                .build();
    }

    CloudWatchClient metrics() {
        return metrics;
    }

    CloudWatchLogsClient logs() {
        return logs;
    }

    /** The actor's credentials and a call timeout of what is left of the deadline; TIMEOUT when nothing is. */
    AwsRequestOverrideConfiguration asActor(ToolContext context, String source) {
        Duration left = context.remaining();
        if (left.isZero()) {
            throw SourceFailure.timeout(source, Duration.ZERO);
        }
        return AwsRequestOverrideConfiguration.builder()
                .credentialsProvider(credentials.apply(context))
                .apiCallTimeout(left)
                .build();
    }

    /**
     * The acting person's own STS session ({@link ToolContext#cloud()}), fetched when the first call needs it. A
     * person with no read role, or whom STS refuses, fails the call as FORBIDDEN with the broker's explanation.
     */
    public static Function<ToolContext, AwsCredentialsProvider> personsSession() {
        return context -> {
            SessionCredentials session;
            try {
                session = context.cloud().get();
            } catch (ElevationException refused) {
                throw new SourceFailure(
                        "cloudwatch",
                        refused.kind() == ElevationException.Kind.UNAVAILABLE
                                ? SourceFailure.Kind.UNAVAILABLE
                                : SourceFailure.Kind.FORBIDDEN,
                        refused.getMessage(),
                        null);
            }
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    session.accessKeyId(), session.secretAccessKey(), session.sessionToken()));
        };
    }

    private static AwsCredentials noBotIdentity() {
        throw SdkClientException.create("cloudwatch calls carry the acting person's credentials; none were given");
    }

    @Override
    public void close() {
        metrics.close();
        logs.close();
    }
}
