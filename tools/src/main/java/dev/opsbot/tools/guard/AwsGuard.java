package dev.opsbot.tools.guard;

import dev.opsbot.core.policy.PolicyRequest;
import dev.opsbot.core.policy.PolicyViolation;
import dev.opsbot.core.policy.TransportGuard;
import java.util.Locale;
import java.util.Objects;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The guardrails on an AWS SDK client: {@link #beforeExecution}, the first hook of every call, before the request is
 * marshalled, signed or sent, classifies the operation ({@link AwsOperations}) and asks the {@link TransportGuard}; a
 * refusal throws {@link PolicyViolation} and nothing leaves. The request is system {@code aws}, action the operation
 * name ({@code GetMetricData}), resource the service in lower case ({@code cloudwatch}, {@code sts}).
 *
 * <p>The SDK does not know whom a call is for (the credentials are a session), so the principal is not set; the STS
 * session's SourceIdentity names the person in CloudTrail.
 */
public final class AwsGuard implements ExecutionInterceptor {
    public static final String SYSTEM = "aws";

    private final TransportGuard guard;
    private final String environment;

    public AwsGuard(TransportGuard guard, String environment) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        guard.check(request(
                attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
    }

    /** The request a call of {@code operation} on {@code service} is checked as. */
    public PolicyRequest request(String service, String operation) {
        String action = operation == null ? "unknown" : operation;
        return new PolicyRequest(
                SYSTEM,
                action,
                AwsOperations.risk(operation),
                service == null ? null : service.toLowerCase(Locale.ROOT),
                null,
                null,
                environment,
                null);
    }
}
