package dev.opsbot.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Access as the person: impersonation, deadlines, and vendor errors turned into {@link SourceFailure}s. */
@EnableKubernetesMockClient(crud = true)
class KubernetesAccessTest {
    private static final String PODS = "/api/v1/namespaces/shop/pods";

    static {
        QuietLogs.apply();
    }

    // static: one server for the class (a server per test costs seconds); reset before each test
    static KubernetesMockServer server;
    static KubernetesClient client;

    @BeforeEach
    void onePod() {
        server.reset();
        client.pods()
                .inNamespace("shop")
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName("checkout-1")
                        .withNamespace("shop")
                        .endMetadata()
                        .build())
                .create();
    }

    @Test
    void impersonationSendsThePersonAndTheirGroupsWithEveryRequest() throws InterruptedException {
        KubernetesAccess access = new KubernetesAccess(client, true);

        access.read(context(Duration.ofSeconds(10)), ApiCall.list("pods", "shop"), c -> c.pods()
                .inNamespace("shop")
                .list());

        RecordedRequest request = server.getLastRequest();
        assertThat(request.getPath()).isEqualTo(PODS);
        assertThat(request.getHeader("Impersonate-User")).isEqualTo("alice@example.com");
        assertThat(request.getHeaders().headers("Impersonate-Group")).containsExactly("oncall", "shop-devs");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer secret"); // the bot's own credentials
    }

    @Test
    void withoutImpersonationRequestsGoAsTheBot() throws InterruptedException {
        KubernetesAccess access = new KubernetesAccess(client, false);

        access.read(context(Duration.ofSeconds(10)), ApiCall.list("pods", "shop"), c -> c.pods()
                .inNamespace("shop")
                .list());

        assertThat(server.getLastRequest().getHeader("Impersonate-User")).isNull();
    }

    @Test
    void clientForAPersonIsCachedAndImpersonatesThem() throws InterruptedException {
        KubernetesAccess access = new KubernetesAccess(client, true);
        Principal bob = Principal.of("bob@example.com");

        KubernetesClient forBob = access.clientFor(bob);
        assertThat(access.clientFor(bob)).isSameAs(forBob);
        assertThat(access.clientFor(Shop.ALICE)).isNotSameAs(forBob);

        forBob.pods().inNamespace("shop").list();
        assertThat(server.getLastRequest().getHeader("Impersonate-User")).isEqualTo("bob@example.com");
    }

    @Test
    void forbiddenNamesTheVerbResourceAndNamespace() {
        server.expect()
                .get()
                .withPath(PODS)
                .andReturn(403, EvidenceGapsTest.forbidden("pods"))
                .always();

        assertThatThrownBy(() -> read(new KubernetesAccess(client, true), Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(SourceFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
                    assertThat(failure.getMessage())
                            .isEqualTo("this identity lacks permission list pods in namespace shop");
                    assertThat(failure.retriable()).isFalse();
                });
    }

    @Test
    void unauthorizedIsForbiddenToo() {
        server.expect().get().withPath(PODS).andReturn(401, "{}").always();

        assertThatThrownBy(() -> read(new KubernetesAccess(client, true), Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(
                        SourceFailure.class, f -> assertThat(f.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN));
    }

    @Test
    void missingObjectOfARawReadIsNotFound() {
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/shop/pods/gone/log")
                .andReturn(404, "{}")
                .always();

        assertThatThrownBy(() -> new KubernetesAccess(client, false)
                        .read(
                                context(Duration.ofSeconds(10)),
                                ApiCall.get("pods/log", "shop", "gone"),
                                c -> c.raw("/api/v1/namespaces/shop/pods/gone/log", "GET", null)))
                .isInstanceOfSatisfying(SourceFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.NOT_FOUND);
                    assertThat(failure.getMessage()).isEqualTo("pods/log gone in namespace shop not found");
                });
    }

    @Test
    void serverErrorIsUnavailableAndRetriable() {
        server.expect()
                .get()
                .withPath(PODS)
                .andReturn(503, "{\"kind\":\"Status\",\"message\":\"etcd leader changed\"}")
                .always();

        assertThatThrownBy(() -> read(new KubernetesAccess(client, false), Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(SourceFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
                    assertThat(failure.getMessage())
                            .isEqualTo("kubernetes is unavailable: HTTP 503 etcd leader changed");
                    assertThat(failure.retriable()).isTrue();
                });
    }

    @Test
    void slowAnswerIsATimeoutAfterTheTimeLeftInTheContext() {
        server.expect()
                .get()
                .delay(3, TimeUnit.SECONDS)
                .withPath(PODS)
                .andReturn(200, "{\"items\":[]}")
                .always();
        KubernetesAccess access = new KubernetesAccess(client, false);
        read(
                access,
                Duration.ofSeconds(10)); // the first request of a client pays for warming up; not this test's subject
        server.expect()
                .get()
                .delay(3, TimeUnit.SECONDS)
                .withPath(PODS)
                .andReturn(200, "{\"items\":[]}")
                .always();

        long started = System.nanoTime();
        SourceFailure failure = null;
        try {
            read(access, Duration.ofMillis(700));
        } catch (SourceFailure e) {
            failure = e;
        }

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.TIMEOUT);
        assertThat(failure.getMessage()).isEqualTo("kubernetes did not answer in 700 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_000));
    }

    @Test
    void noTimeLeftFailsWithoutAsking() throws InterruptedException {
        int before = server.getRequestCount();

        assertThatThrownBy(() -> read(new KubernetesAccess(client, false), Duration.ZERO))
                .isInstanceOfSatisfying(
                        SourceFailure.class, f -> assertThat(f.kind()).isEqualTo(SourceFailure.Kind.TIMEOUT));
        assertThat(server.getRequestCount()).isEqualTo(before);
    }

    @Test
    void unreachableApiServerIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl("http://127.0.0.1:" + closedPort)
                .withOauthToken("bot-token")
                .withRequestTimeout(2_000)
                .build();

        try (KubernetesAccess access = new KubernetesAccess(config, true)) {
            assertThatThrownBy(() -> read(access, Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(SourceFailure.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
                        assertThat(failure.getMessage())
                                .startsWith("kubernetes is unavailable: ")
                                .doesNotContain("bot-token");
                    });
        }
    }

    private static List<?> read(KubernetesAccess access, Duration budget) {
        return access.read(
                context(budget),
                ApiCall.list("pods", "shop"),
                c -> c.pods().inNamespace("shop").list().getItems());
    }

    private static ToolContext context(Duration budget) {
        return ToolContext.of(Shop.ALICE, budget, Clock.systemUTC());
    }
}
