package dev.opsbot.tools.cloudwatch;

import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.aws.AwsAccess;
import dev.opsbot.tools.aws.AwsFailures;
import dev.opsbot.tools.aws.GuardedClient;
import dev.opsbot.tools.aws.GuardedClient.Refusals;
import dev.opsbot.tools.aws.PersonsSession;
import dev.opsbot.tools.guard.AwsGuard;
import java.net.URI;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The CloudWatch and CloudWatch Logs clients, shared by every person: credentials go with each request (from the
 * function given here, per actor), never with the client ({@link GuardedClient}). Without an endpoint override the
 * SDK's own settings apply ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_CLOUDWATCH}, {@code
 * AWS_ENDPOINT_URL_CLOUDWATCH_LOGS}); without a region, its default region chain ({@code AWS_REGION}, the profile).
 *
 * <p>Both clients carry the {@link AwsGuard}: every call is checked against the guardrails before it is signed or
 * sent, and a refusal is thrown as the {@link dev.opsbot.core.policy.PolicyViolation} itself. Without a guard from
 * the caller they get {@link TransportGuard#defaults()} in {@value #DEFAULT_ENVIRONMENT}.
 */
public final class CloudWatchConnection implements AutoCloseable {
    /** The environment assumed when the caller names none: the strictest. */
    public static final String DEFAULT_ENVIRONMENT = AwsAccess.DEFAULT_ENVIRONMENT;

    private static final AwsFailures FAILURES = new AwsFailures(CloudWatchSignals.SOURCE, CloudWatchSignals.SOURCE);

    private final GuardedClient<CloudWatchClient> metrics;
    private final GuardedClient<CloudWatchLogsClient> logs;

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
        this(region, metricsEndpoint, logsEndpoint, new AwsAccess(credentials));
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
        this(region, metricsEndpoint, logsEndpoint, new AwsAccess(credentials, environment, guard));
    }

    /** @param access as whom, in which environment and under which guardrails the calls go */
    public CloudWatchConnection(Region region, URI metricsEndpoint, URI logsEndpoint, AwsAccess access) {
        this.metrics = GuardedClient.build(
                CloudWatchClient.builder(), region, metricsEndpoint, access, FAILURES, Refusals.THROWN);
        this.logs = GuardedClient.build(
                CloudWatchLogsClient.builder(), region, logsEndpoint, access, FAILURES, Refusals.THROWN);
    }

    GuardedClient<CloudWatchClient> metrics() {
        return metrics;
    }

    GuardedClient<CloudWatchLogsClient> logs() {
        return logs;
    }

    /** The acting person's own STS session ({@link PersonsSession}); its failures name {@code cloudwatch}. */
    public static Function<ToolContext, AwsCredentialsProvider> personsSession() {
        return PersonsSession.credentials(CloudWatchSignals.SOURCE);
    }

    @Override
    public void close() {
        metrics.close();
        logs.close();
    }
}
