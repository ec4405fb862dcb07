package dev.opsbot.tools.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.policy.PolicyEngine;
import dev.opsbot.core.policy.TransportGuard;
import dev.opsbot.core.testing.InMemoryAuditLog;
import dev.opsbot.core.tool.ToolContext;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.SourceEvidence;
import dev.opsbot.core.triage.SymptomKind;
import dev.opsbot.tools.kubernetes.KubernetesAccess;
import dev.opsbot.tools.kubernetes.KubernetesEvidence;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes evidence looks at the Secrets a workload references through the guard, as metadata only: it still
 * finds the missing one and dates the changed one, and no value is asked for or kept.
 */
@EnableKubernetesMockClient(crud = true)
class SecretEvidenceTest {
    private static final Instant NOW = Instant.parse("2026-03-10T02:45:00Z");
    private static final Principal ALICE = new Principal("alice@example.com", "Alice", List.of("oncall"));

    static {
        Quiet.logs();
    }

    static KubernetesMockServer server;
    static KubernetesClient client;

    @Test
    void referencedSecretsAreReadAsMetadataOnlyAndTheMissingOneIsStillFound() throws InterruptedException {
        client.apps()
                .deployments()
                .inNamespace("shop")
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("checkout")
                        .withNamespace("shop")
                        .endMetadata()
                        .withNewSpec()
                        .withNewSelector()
                        .withMatchLabels(Map.of("app", "checkout"))
                        .endSelector()
                        .withNewTemplate()
                        .withNewMetadata()
                        .withLabels(Map.of("app", "checkout"))
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("checkout")
                        .withImage("registry.example.com/shop/checkout:1.8.0")
                        .addNewEnv()
                        .withName("DB_PASSWORD")
                        .withNewValueFrom()
                        .withNewSecretKeyRef("password", "checkout-db", false)
                        .endValueFrom()
                        .endEnv()
                        .addNewEnv()
                        .withName("API_KEY")
                        .withNewValueFrom()
                        .withNewSecretKeyRef("key", "checkout-api-key", false)
                        .endValueFrom()
                        .endEnv()
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();
        // what a real API server answers to a metadata-only GET: no data, its keys only in managedFields
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/shop/secrets/checkout-db")
                .andReturn(200, """
                        {"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
                         "metadata": {"name": "checkout-db", "namespace": "shop",
                           "creationTimestamp": "2026-01-01T00:00:00Z",
                           "managedFields": [{"manager": "vault-injector", "operation": "Update",
                             "apiVersion": "v1", "time": "2026-03-10T02:30:00Z", "fieldsType": "FieldsV1",
                             "fieldsV1": {"f:data": {".": {}, "f:password": {}}, "f:type": {}}}]}}
                        """)
                .always();
        InMemoryAuditLog audit = new InMemoryAuditLog();
        int before = server.getRequestCount();

        SourceEvidence evidence;
        try (KubernetesAccess access = new KubernetesAccess(
                server.createClient(),
                true,
                "production",
                new TransportGuard(PolicyEngine.defaults(), audit, Clock.systemUTC(), TransportGuard.Listener.NONE))) {
            evidence = new KubernetesEvidence(access).collect(investigation(), context());
        }

        List<RecordedRequest> secretReads = new ArrayList<>();
        for (int i = 0; i < server.getRequestCount(); i++) {
            RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
            if (i >= before && request != null && request.getPath().contains("/secrets")) {
                secretReads.add(request);
            }
        }
        assertThat(secretReads)
                .extracting(RecordedRequest::getPath)
                .containsExactlyInAnyOrder(
                        "/api/v1/namespaces/shop/secrets/checkout-db",
                        "/api/v1/namespaces/shop/secrets/checkout-api-key");
        assertThat(secretReads)
                .allSatisfy(request -> assertThat(MetadataOnly.accepts(List.of(request.getHeader("Accept"))))
                        .isTrue());
        assertThat(audit.events(AuditEvent.GuardrailRefused.class)).isEmpty();
        assertThat(evidence.gaps()).noneMatch(gap -> gap.contains("secret"));
        assertThat(evidence.checks().toString()).contains("referenced but missing: Secret checkout-api-key");
        assertThat(evidence.changes().toString())
                .contains("secret checkout-db changed by vault-injector (keys: password)");
    }

    private static Investigation investigation() {
        return new Investigation(
                "why is checkout 5xx?", "shop", "checkout", SymptomKind.HTTP_5XX, NOW, Duration.ofHours(1));
    }

    private static ToolContext context() {
        return new ToolContext(ALICE, NOW.plusSeconds(20), Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
