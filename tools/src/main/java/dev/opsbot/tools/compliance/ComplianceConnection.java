package dev.opsbot.tools.compliance;

import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.aws.AwsAccess;
import dev.opsbot.tools.aws.AwsFailures;
import dev.opsbot.tools.aws.GuardedClient;
import dev.opsbot.tools.aws.GuardedClient.Refusals;
import dev.opsbot.tools.aws.PersonsSession;
import dev.opsbot.tools.guard.AwsGuard;
import java.net.URI;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.config.ConfigClient;

/**
 * The AWS Config client, shared by every person: credentials go with each request (from the function given here,
 * per actor), never with the client ({@link GuardedClient}). Config is regional: without a region the SDK's default
 * chain applies ({@code AWS_REGION}, the profile); without an endpoint override its own settings ({@code
 * AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_CONFIG_SERVICE}).
 *
 * <p>The client carries the {@link AwsGuard}: every call is checked against the guardrails before it is signed or
 * sent, and a refused call fails FORBIDDEN naming the rule. Given only credentials, it gets {@link
 * TransportGuard#defaults()} in {@value AwsAccess#DEFAULT_ENVIRONMENT}.
 */
public final class ComplianceConnection implements AutoCloseable {
    /** The tools' domain, and the source their failures name. */
    public static final String SOURCE = "compliance";

    /**
     * A rule that does not exist is {@code NoSuchConfigRuleException} (HTTP 400), and a region where Config records
     * nothing answers {@code NoSuchConfigurationRecorderException}: both are NOT_FOUND.
     */
    private static final AwsFailures FAILURES =
            new AwsFailures(SOURCE, "AWS Config").notFoundAs(code -> code.startsWith("NoSuch"), "");

    private final GuardedClient<ConfigClient> client;

    /**
     * @param region the region whose Config rules are read, or null for the SDK's default chain
     * @param endpoint an AWS Config endpoint override, or null
     * @param credentials the acting person's credentials for a call: {@link #personsSession()} in production
     */
    public ComplianceConnection(
            Region region, URI endpoint, Function<ToolContext, AwsCredentialsProvider> credentials) {
        this(region, endpoint, new AwsAccess(credentials));
    }

    /** @param access as whom, in which environment and under which guardrails the calls go */
    public ComplianceConnection(Region region, URI endpoint, AwsAccess access) {
        this.client =
                GuardedClient.build(ConfigClient.builder(), region, endpoint, access, FAILURES, Refusals.FORBIDDEN);
    }

    /** The region the client calls, as the data names it ({@code eu-west-1}). */
    String region() {
        Region region = client.client().serviceClientConfiguration().region();
        return region == null ? "" : region.id();
    }

    /**
     * Runs one AWS Config call as the context's person, within what is left of its deadline ({@link
     * GuardedClient#call}).
     *
     * @param operation the API operation ({@code DescribeComplianceByConfigRule}), for the permission a refusal names
     * @throws SourceFailure TIMEOUT when no time is left, else what the call's failure means
     */
    <T> T call(
            ToolContext context, String operation, BiFunction<ConfigClient, AwsRequestOverrideConfiguration, T> call) {
        return client.call(context, "config:" + operation, call);
    }

    /** The acting person's own STS session ({@link PersonsSession}); its failures name {@value #SOURCE}. */
    public static Function<ToolContext, AwsCredentialsProvider> personsSession() {
        return PersonsSession.credentials(SOURCE);
    }

    @Override
    public void close() {
        client.close();
    }
}
