package dev.opsbot.tools.argocd;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.tools.http.TestContexts.fixture;
import static dev.opsbot.tools.http.TestContexts.generous;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.ChangeKind;
import dev.opsbot.core.triage.Check;
import dev.opsbot.core.triage.Investigation;
import dev.opsbot.core.triage.ObjectRef;
import dev.opsbot.core.triage.SourceEvidence;
import dev.opsbot.core.triage.SymptomKind;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ArgoCdEvidenceTest {
    static final String TOKEN = "argocd-token-s3cr3t";
    static final Instant NOW = Instant.parse("2026-03-10T03:00:00Z");
    static final String HEAD = "abc1234def5678abc1234def5678abc1234def56";

    @RegisterExtension
    static WireMockExtension argo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private ArgoCdEvidence evidence;

    @BeforeEach
    void setUp() {
        evidence = new ArgoCdEvidence(new ArgoCdClient(URI.create(argo.baseUrl()), person -> TOKEN));
        argo.stubFor(get(urlPathMatching("/api/v1/applications/[^/]+/revisions/[^/]+/metadata"))
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"not found\"}")));
    }

    static Investigation checkout() {
        return new Investigation(
                "why is checkout 5xx?", "shop", "checkout", SymptomKind.HTTP_5XX, NOW, Duration.ofHours(1));
    }

    @Test
    void historyInsideTheWindowBecomesSyncChangesWithCommitAuthors() {
        argo.stubFor(get("/api/v1/applications").willReturn(okJson(fixture(getClass(), "applications.json"))));
        argo.stubFor(get("/api/v1/applications/checkout/revisions/" + HEAD + "/metadata")
                .willReturn(okJson("{\"author\": \"alice <alice@example.com>\", \"date\": \"2026-03-10T02:25:00Z\","
                        + " \"message\": \"lower memory\\n\\nchecked in staging\"}")));

        SourceEvidence found = evidence.collect(checkout(), generous());

        ObjectRef app = ObjectRef.of("Application", "argocd", "checkout");
        assertThat(found.changes())
                .containsExactly(
                        new ChangeEvent(
                                Instant.parse("2026-03-10T02:10:00Z"),
                                "argocd",
                                ChangeKind.SYNC,
                                app,
                                41,
                                40,
                                "bob",
                                "Argo CD sync of checkout to git bbbbbbb (initiated by bob)",
                                List.of()),
                        new ChangeEvent(
                                Instant.parse("2026-03-10T02:31:04Z"),
                                "argocd",
                                ChangeKind.SYNC,
                                app,
                                42,
                                41,
                                "alice",
                                "Argo CD sync of checkout to git abc1234 (\"lower memory\" by alice)",
                                List.of()));
        assertThat(found.gaps()).isEmpty();
        argo.verify(getRequestedFor(urlPathEqualTo("/api/v1/applications"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void degradedHealthIsAbnormalWithTheUnhealthyResourcesAndSyncedIsNormal() {
        argo.stubFor(get("/api/v1/applications").willReturn(okJson(fixture(getClass(), "applications.json"))));

        SourceEvidence found = evidence.collect(checkout(), generous());

        assertThat(found.checks())
                .containsExactly(
                        Check.abnormal(
                                "argocd",
                                "application checkout health",
                                "Degraded (one or more resources are degraded): Deployment shop/checkout Degraded"
                                        + " (Deployment \"checkout\" exceeded its progress deadline)"),
                        Check.normal("argocd", "application checkout sync", "Synced with git abc1234"),
                        Check.normal(
                                "argocd",
                                "application checkout last sync operation",
                                "Succeeded finished 2026-03-10T02:31:04Z (git abc1234): successfully synced (all"
                                        + " tasks run)"));
    }

    @Test
    void aFailedSyncIsAnAbnormalCheckAndAChange() {
        argo.stubFor(get("/api/v1/applications")
                .willReturn(okJson("{\"items\": [" + fixture(getClass(), "failed-sync.json") + "]}")));

        SourceEvidence found = evidence.collect(checkout(), generous());

        assertThat(found.changes())
                .containsExactly(new ChangeEvent(
                        Instant.parse("2026-03-10T02:40:09Z"),
                        "argocd",
                        ChangeKind.SYNC,
                        ObjectRef.of("Application", "argocd", "shop-checkout"),
                        null,
                        9,
                        "carol",
                        "Argo CD sync of shop-checkout to git ccccccc failed: one or more objects failed to apply,"
                                + " reason: admission webhook denied the request",
                        List.of()));
        assertThat(found.checks())
                .containsExactly(
                        Check.normal("argocd", "application shop-checkout health", "Healthy"),
                        Check.abnormal("argocd", "application shop-checkout sync", "OutOfSync with git ccccccc"),
                        Check.abnormal(
                                "argocd",
                                "application shop-checkout last sync operation",
                                "Failed finished 2026-03-10T02:40:09Z (git ccccccc): one or more objects failed to"
                                        + " apply, reason: admission webhook denied the request"));
    }

    @Test
    void aServiceNoApplicationDeploysIsANormalCheckNotAnError() {
        argo.stubFor(get("/api/v1/applications").willReturn(okJson(fixture(getClass(), "applications.json"))));

        SourceEvidence found = evidence.collect(checkout().about("inventory"), generous());

        assertThat(found.changes()).isEmpty();
        assertThat(found.gaps()).isEmpty();
        assertThat(found.checks())
                .containsExactly(Check.normal("argocd", "application", "argocd: no application for inventory"));
    }

    @Test
    void anEmptyListAnswerHasNoApplications() {
        argo.stubFor(get("/api/v1/applications").willReturn(okJson("{\"metadata\": {}, \"items\": null}")));

        assertThat(evidence.collect(checkout(), generous()).checks())
                .extracting(Check::detail)
                .containsExactly("argocd: no application for checkout");
    }

    @Test
    void theApplicationIsFoundByItsInstanceLabelWhenNamedOtherwise() {
        String labelled = fixture(getClass(), "failed-sync.json")
                .replace(
                        "\"name\": \"shop-checkout\", \"namespace\": \"argocd\"",
                        "\"name\": \"storefront-pay\", \"namespace\": \"argocd\","
                                + " \"labels\": {\"app.kubernetes.io/instance\": \"checkout\"}")
                .replace("\"namespace\": \"shop\"", "\"namespace\": \"elsewhere\"");
        argo.stubFor(get("/api/v1/applications").willReturn(okJson("{\"items\": [" + labelled + "]}")));

        SourceEvidence found = evidence.collect(checkout(), generous());

        assertThat(found.changes()).extracting(c -> c.target().name()).containsExactly("storefront-pay");
    }

    @Test
    void commitMetadataThatCannotBeReadIsOneGapAndTheInitiatorIsTheAuthor() {
        argo.stubFor(get("/api/v1/applications").willReturn(okJson(fixture(getClass(), "applications.json"))));
        argo.stubFor(get(urlPathMatching("/api/v1/applications/checkout/revisions/.*"))
                .willReturn(aResponse().withStatus(403)));

        SourceEvidence found = evidence.collect(checkout(), generous());

        assertThat(found.changes()).extracting(ChangeEvent::author).containsExactly("bob", "");
        assertThat(found.changes().get(1).detail()).isEqualTo("Argo CD sync of checkout to git abc1234 (automated)");
        assertThat(found.gaps())
                .containsExactly("argocd commit metadata of checkout: this identity lacks permission applications/get"
                        + " on checkout");
    }
}
