package dev.opsbot.tools.cost;

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
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;

/**
 * The Cost Explorer client, shared by every person: credentials go with each request (from the function given here,
 * per actor), never with the client ({@link GuardedClient}). Cost Explorer is global, served from {@code us-east-1}
 * (the region used when none is given; {@code cn-northwest-1} in the China partition). Without an endpoint override
 * the SDK's own settings apply ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_COST_EXPLORER}).
 *
 * <p>The client carries the {@link AwsGuard}: every call is checked against the guardrails before it is signed or
 * sent, and a refused call fails FORBIDDEN naming the rule. Given only credentials, it gets {@link
 * TransportGuard#defaults()} in {@value AwsAccess#DEFAULT_ENVIRONMENT}.
 */
public final class CostConnection implements AutoCloseable {
    /** The tools' domain, and the source their failures name. */
    public static final String SOURCE = "cost";

    /**
     * Cost Explorer reports its rate limit as {@code LimitExceededException} (HTTP 400), and data it has not processed
     * yet as {@code DataUnavailableException}.
     */
    private static final AwsFailures FAILURES = new AwsFailures(SOURCE, "AWS Cost Explorer")
            .throttledAs("LimitExceededException")
            .notFoundAs("DataUnavailableException"::equals, "has no data for this period yet");

    private final GuardedClient<CostExplorerClient> client;

    /**
     * @param endpoint a Cost Explorer endpoint override, or null
     * @param credentials the acting person's credentials for a call: {@link #personsSession()} in production
     */
    public CostConnection(URI endpoint, Function<ToolContext, AwsCredentialsProvider> credentials) {
        this(null, endpoint, new AwsAccess(credentials));
    }

    /**
     * @param region the region Cost Explorer is called in, or null for {@code us-east-1}
     * @param endpoint a Cost Explorer endpoint override, or null
     * @param access as whom, in which environment and under which guardrails the calls go
     */
    public CostConnection(Region region, URI endpoint, AwsAccess access) {
        this.client = GuardedClient.build(
                CostExplorerClient.builder(),
                region == null ? Region.US_EAST_1 : region,
                endpoint,
                access,
                FAILURES,
                Refusals.FORBIDDEN);
    }

    /**
     * Runs one Cost Explorer call as the context's person, within what is left of its deadline ({@link
     * GuardedClient#call}).
     *
     * @param operation the API operation ({@code GetCostAndUsage}), for the permission a refusal names
     * @throws SourceFailure TIMEOUT when no time is left, else what the call's failure means
     */
    <T> T call(
            ToolContext context,
            String operation,
            BiFunction<CostExplorerClient, AwsRequestOverrideConfiguration, T> call) {
        return client.call(context, "ce:" + operation, call);
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
