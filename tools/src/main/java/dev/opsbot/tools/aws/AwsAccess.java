package dev.opsbot.tools.aws;

import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.tool.ToolContext;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * As whom and under which guardrails an AWS service is called: the acting person's credentials, fetched per call
 * ({@link PersonsSession#credentials} in production), and the environment the account is, as the guardrails match it.
 *
 * @param credentials the acting person's credentials for a call
 * @param environment the environment this account is ({@code production})
 * @param guard the guardrails every call passes
 */
public record AwsAccess(
        Function<ToolContext, AwsCredentialsProvider> credentials, String environment, TransportGuard guard) {
    /** The environment assumed when the caller names none: the strictest. */
    public static final String DEFAULT_ENVIRONMENT = "production";

    public AwsAccess {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(guard, "guard");
    }

    /** The given credentials under {@link TransportGuard#defaults()} in {@value #DEFAULT_ENVIRONMENT}. */
    public AwsAccess(Function<ToolContext, AwsCredentialsProvider> credentials) {
        this(credentials, DEFAULT_ENVIRONMENT, TransportGuard.defaults());
    }
}
