package dev.opsbot.tools.kubernetes;

import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.policy.PolicyViolation;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.tools.guard.KubernetesGuard;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.impl.BaseClient;
import io.fabric8.kubernetes.client.impl.KubernetesClientImpl;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The API server as the person: one fabric8 client holding the bot's own credentials, and per person a view of it
 * that impersonates them ({@code Impersonate-User} = {@link Principal#subject()}, {@code Impersonate-Group} =
 * {@link Principal#groups()}) when impersonation is enabled. The views share the one connection pool; impersonation
 * and timeouts travel as fabric8 {@link RequestConfig}, so a view costs a few objects, not a client.
 *
 * <p>Every {@link #read} is bounded by the caller's {@link ToolContext#remaining()} (never longer than the configured
 * request timeout), is not retried (a retry cannot fit a deadline it does not know), and fails as a
 * {@link SourceFailure} naming the permission, the missing object or the timeout. Credentials are never logged.
 *
 * <p>Every client it holds, and every view it hands out, carries the {@link KubernetesGuard}: each request is checked
 * against the guardrails before it is sent, whichever tool made it and however ({@code clientFor}, {@code read}, a
 * raw call). Without a guard from the caller it gets {@link TransportGuard#defaults()} in
 * {@value #DEFAULT_ENVIRONMENT}: reads are allowed, writes need an approved proposal, exec and Secret values are
 * refused. Views are never retried, and that matters here too: fabric8 runs a retry on a scheduler thread, where the
 * caller's {@link dev.opsbot.core.policy.ApprovedAction} is not bound.
 */
public final class KubernetesAccess implements AutoCloseable {
    public static final String SOURCE = "kubernetes";
    /** The environment assumed when the caller names none: the strictest. */
    public static final String DEFAULT_ENVIRONMENT = "production";

    private static final int MAX_CACHED_PEOPLE = 256;

    private final KubernetesClient given;
    private final NamespacedKubernetesClient client;
    private final boolean impersonate;
    private final Duration maxRequestTimeout;
    private final Map<Principal, KubernetesClient> views = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Principal, KubernetesClient> eldest) {
            return size() > MAX_CACHED_PEOPLE;
        }
    };

    /**
     * @param config master URL, the bot's own credentials and the longest request timeout
     * @param impersonate whether requests impersonate the person (production) or go as the bot (demo, scenarios)
     * @param environment the environment this cluster is ({@code production}), as the guardrails match it
     * @param guard the guardrails every request passes
     */
    public KubernetesAccess(Config config, boolean impersonate, String environment, TransportGuard guard) {
        this(new KubernetesClientBuilder().withConfig(config).build(), impersonate, environment, guard);
    }

    /** With the default guard in {@value #DEFAULT_ENVIRONMENT}. */
    public KubernetesAccess(Config config, boolean impersonate) {
        this(config, impersonate, DEFAULT_ENVIRONMENT, TransportGuard.defaults());
    }

    /**
     * Over an existing client (a test's mock server, a scenario's); this access owns it and closes it. Requests go
     * through a copy of it that carries the guard: the client given is not changed, so calls made on it directly are
     * not guarded.
     */
    public KubernetesAccess(KubernetesClient client, boolean impersonate, String environment, TransportGuard guard) {
        this.given = Objects.requireNonNull(client, "client");
        this.client = guarded(
                        client,
                        new KubernetesGuard(
                                guard, environment, client.getMasterUrl().getPath()))
                .adapt(NamespacedKubernetesClient.class);
        this.impersonate = impersonate;
        Integer configured = client.getConfiguration().getRequestTimeout();
        this.maxRequestTimeout = Duration.ofMillis(configured == null || configured <= 0 ? 10_000 : configured);
    }

    /** With the default guard in {@value #DEFAULT_ENVIRONMENT}. */
    public KubernetesAccess(KubernetesClient client, boolean impersonate) {
        this(client, impersonate, DEFAULT_ENVIRONMENT, TransportGuard.defaults());
    }

    /**
     * A client sharing {@code client}'s connections and configuration whose HTTP client has the guard as its last
     * interceptor (after fabric8's impersonator, so the guard sees whom a request impersonates). Views made from it
     * derive their HTTP client from this one and keep the guard.
     */
    private static KubernetesClient guarded(KubernetesClient client, KubernetesGuard guard) {
        HttpClient http = client.getHttpClient()
                .newBuilder()
                .addOrReplaceInterceptor(KubernetesGuard.NAME, guard)
                .build();
        return new KubernetesClientImpl(
                http,
                client.getConfiguration(),
                null,
                client.adapt(BaseClient.class).getKubernetesSerialization());
    }

    public boolean impersonates() {
        return impersonate;
    }

    /**
     * A client acting as {@code principal}, cached per person, with the configured request timeout. For calls that
     * must honour a deadline use {@link #read}.
     */
    public KubernetesClient clientFor(Principal principal) {
        synchronized (views) {
            return views.computeIfAbsent(principal, p -> view(p, maxRequestTimeout));
        }
    }

    /**
     * Runs {@code request} as the context's person within its remaining time.
     *
     * @throws SourceFailure FORBIDDEN naming {@code call}'s permission, NOT_FOUND, BAD_REQUEST, TIMEOUT or UNAVAILABLE
     */
    public <T> T read(ToolContext context, ApiCall call, Function<KubernetesClient, T> request) {
        Duration budget = budget(context);
        if (budget.isZero()) {
            throw KubernetesFailures.timeout(Duration.ZERO);
        }
        try {
            return request.apply(view(context.actor(), budget));
        } catch (PolicyViolation refused) {
            throw refused(refused);
        } catch (KubernetesClientException e) {
            PolicyViolation refused = violationIn(e);
            if (refused != null) {
                throw refused(refused);
            }
            throw KubernetesFailures.translate(e, call, budget);
        }
    }

    /** A read the guardrails refused is one gap in the evidence ("... is refused by rule ..."), not a broken source. */
    private static SourceFailure refused(PolicyViolation violation) {
        return new SourceFailure(SOURCE, SourceFailure.Kind.FORBIDDEN, violation.getMessage(), violation);
    }

    private static PolicyViolation violationIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PolicyViolation violation) {
                return violation;
            }
        }
        return null;
    }

    /** The request timeout a call in this context gets: what is left, at most the configured timeout. */
    public Duration budget(ToolContext context) {
        Duration left = context.remaining();
        return left.compareTo(maxRequestTimeout) > 0 ? maxRequestTimeout : left;
    }

    private KubernetesClient view(Principal principal, Duration timeout) {
        return client.newClient(requestConfig(principal, timeout)).adapt(KubernetesClient.class);
    }

    private RequestConfig requestConfig(Principal principal, Duration timeout) {
        RequestConfig config = new RequestConfigBuilder(
                        client.getConfiguration().getRequestConfig())
                .withRequestTimeout((int) Math.max(1, timeout.toMillis()))
                .withRequestRetryBackoffLimit(0)
                .build();
        if (impersonate) {
            config.setImpersonateUsername(principal.subject());
            config.setImpersonateGroups(principal.groups().toArray(String[]::new));
        }
        return config;
    }

    @Override
    public void close() {
        synchronized (views) {
            views.clear();
        }
        client.close();
        given.close();
    }
}
