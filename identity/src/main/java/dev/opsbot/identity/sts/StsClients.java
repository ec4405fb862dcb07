package dev.opsbot.identity.sts;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** Builds the STS client the broker calls with opsbot's own identity. */
public final class StsClients {
    /** One attempt may take this long; a person is waiting in chat. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

    /** All attempts together (the SDK's standard retries of throttling and 5xx) may take this long. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private StsClients() {}

    /**
     * @param region the STS region, or null for the SDK's default region chain ({@code AWS_REGION}, the profile)
     * @param endpointOverride an endpoint, or null: then the SDK's own {@code AWS_ENDPOINT_URL_STS} /
     *     {@code AWS_ENDPOINT_URL} handling applies
     * @param botCredentials opsbot's own identity, or null for the SDK's default chain (IRSA, instance profile,
     *     environment)
     */
    public static StsClient create(Region region, URI endpointOverride, AwsCredentialsProvider botCredentials) {
        return create(region, endpointOverride, botCredentials, List.of());
    }

    /**
     * As {@link #create(Region, URI, AwsCredentialsProvider)}, with {@code interceptors} added to every call: the
     * guardrails' {@code AwsGuard} in production, which checks each operation before it is signed or sent.
     */
    public static StsClient create(
            Region region,
            URI endpointOverride,
            AwsCredentialsProvider botCredentials,
            List<ExecutionInterceptor> interceptors) {
        List<ExecutionInterceptor> extra = List.copyOf(interceptors);
        var builder = StsClient.builder()
                .credentialsProvider(
                        botCredentials != null
                                ? botCredentials
                                : DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .executionInterceptors(extra));
        if (region != null) {
            builder.region(region);
        }
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        return builder.build();
    }
}
