package dev.opsbot.tools.guard;

import dev.opsbot.core.policy.PolicyViolation;
import dev.opsbot.core.policy.TransportGuard;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.utils.ImpersonatorInterceptor;
import java.util.Objects;

/**
 * The guardrails on a fabric8 client: every request, HTTP or WebSocket (exec, attach and port-forward are WebSocket
 * upgrades), is classified by {@link KubernetesRequests} and checked by the {@link TransportGuard} in
 * {@link #before}, which fabric8 calls before anything is sent; a refusal throws {@link PolicyViolation} to the
 * caller and the request never leaves. Installed last, it sees the {@code Impersonate-User} header fabric8's
 * impersonator added, which names the person the request is for.
 */
public final class KubernetesGuard implements Interceptor {
    /** The name it is installed under; installing again replaces it. */
    public static final String NAME = "OPSBOT_GUARD";

    private final TransportGuard guard;
    private final String environment;
    private final String basePath;

    /**
     * @param environment the environment the client talks to ({@code production})
     * @param basePath the path of the API server URL ({@code /k8s/clusters/c-1}), or "" for the root
     */
    public KubernetesGuard(TransportGuard guard, String environment, String basePath) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.basePath = basePath == null ? "" : basePath;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        guard.check(KubernetesRequests.classify(
                request.method(),
                request.uri(),
                basePath,
                request.headers("Accept"),
                principal(request, tags),
                environment));
    }

    private static String principal(HttpRequest request, RequestTags tags) {
        String header = request.header(ImpersonatorInterceptor.IMPERSONATE_USER);
        if (header != null && !header.isBlank()) {
            return header;
        }
        RequestConfig config = tags == null ? null : tags.getTag(RequestConfig.class);
        String configured = config == null ? null : config.getImpersonateUsername();
        return configured == null || configured.isBlank() ? null : configured;
    }
}
