package dev.opsbot.tools.kubernetes;

import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
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
 */
public final class KubernetesAccess implements AutoCloseable {
    public static final String SOURCE = "kubernetes";
    private static final int MAX_CACHED_PEOPLE = 256;

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
     */
    public KubernetesAccess(Config config, boolean impersonate) {
        this(new KubernetesClientBuilder().withConfig(config).build(), impersonate);
    }

    /** Over an existing client (a test's mock server); this access owns it and closes it. */
    public KubernetesAccess(KubernetesClient client, boolean impersonate) {
        this.client = Objects.requireNonNull(client, "client").adapt(NamespacedKubernetesClient.class);
        this.impersonate = impersonate;
        Integer configured = client.getConfiguration().getRequestTimeout();
        this.maxRequestTimeout = Duration.ofMillis(configured == null || configured <= 0 ? 10_000 : configured);
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
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.translate(e, call, budget);
        }
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
    }
}
