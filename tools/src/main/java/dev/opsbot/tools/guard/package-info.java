/**
 * The guardrails at the transport: a fabric8 {@link io.fabric8.kubernetes.client.http.Interceptor}
 * ({@link dev.opsbot.tools.guard.KubernetesGuard}) and an AWS SDK
 * {@link software.amazon.awssdk.core.interceptor.ExecutionInterceptor} ({@link dev.opsbot.tools.guard.AwsGuard})
 * that classify every request and ask {@link dev.opsbot.core.policy.TransportGuard} before it is sent, so a rogue or
 * buggy tool is stopped whatever client call it makes. {@link dev.opsbot.tools.guard.MetadataOnly} is the one way
 * opsbot looks at Secrets. See docs/guardrails.md.
 */
package dev.opsbot.tools.guard;
