package dev.opsbot.app.triage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.opsbot.app.config.ConfigLoader;
import dev.opsbot.app.config.OpsbotConfig;
import dev.opsbot.core.chat.Block;
import dev.opsbot.core.chat.Reply;
import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.triage.SymptomKind;
import dev.opsbot.core.triage.TriageListener;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.answer.AnswerRenderer;
import dev.opsbot.core.triage.answer.ChartRenderer;
import dev.opsbot.core.triage.result.SourceStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live sources as {@code opsbot serve} wires them from {@code sources:}: each configured source is asked, and a
 * source that is down or refuses is named in the answer with what could not be checked, while the others still count.
 */
class ConfiguredTriageTest {
    private final WireMockServer edge = new WireMockServer(options().dynamicPort());

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        edge.start();
    }

    @AfterEach
    void stop() {
        edge.stop();
    }

    @Test
    void aSourceThatIsDownOrForbiddenIsNamedAndTheOthersStillAnswer() throws IOException {
        edge.stubFor(get(urlPathEqualTo("/api/v1/applications"))
                .willReturn(aResponse().withStatus(403)));
        edge.stubFor(get(urlPathEqualTo("/repos/acme/checkout/actions/runs"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"total_count\":0,\"workflow_runs\":[]}")));
        edge.stubFor(get(urlPathEqualTo("/repos/acme/checkout/deployments"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[]")));
        OpsbotConfig config = config("""
                triage:
                  defaultNamespace: shop
                  sourceTimeout: 2s
                  budget: 5s
                sources:
                  prometheus:
                    url: http://127.0.0.1:%d
                  argocd:
                    url: %s
                    token: argo-secret-token
                  github:
                    url: %s
                    token: gh-secret-token
                    repositories: [acme/checkout]
                """.formatted(closedPort(), edge.baseUrl(), edge.baseUrl()));

        try (ConfiguredTriage triage = ConfiguredTriage.create(config, Clock.systemUTC())) {
            assertThat(triage.service().sourceNames()).containsExactly("prometheus", "argocd", "github");
            var investigation =
                    triage.service().investigation("why is checkout 5xx?", "checkout", null, SymptomKind.HTTP_5XX);
            assertThat(investigation.namespace()).isEqualTo("shop");

            TriageReport report =
                    triage.service().run(investigation, Principal.of("alice@example.com"), TriageListener.NONE);

            Map<String, SourceStatus> sources = report.result().sources().stream()
                    .collect(java.util.stream.Collectors.toMap(SourceStatus::name, s -> s));
            assertThat(sources.get("prometheus").status()).isEqualTo(SourceStatus.FAILED);
            assertThat(sources.get("prometheus").detail()).contains("prometheus");
            assertThat(sources.get("argocd").status()).isEqualTo(SourceStatus.FAILED);
            assertThat(sources.get("argocd").detail()).contains("lacks permission");
            assertThat(sources.get("github").status()).isEqualTo(SourceStatus.OK);
            Reply answer = new AnswerRenderer(ChartRenderer.NONE).render(report, "alice");
            String smallPrint = answer.blocks().stream()
                    .filter(b -> b instanceof Block.Context)
                    .map(b -> ((Block.Context) b).text())
                    .findFirst()
                    .orElseThrow();
            assertThat(smallPrint).contains("Could not check prometheus").contains("Could not check argocd");
            assertThat(answer.text()).doesNotContain("argo-secret-token").doesNotContain("gh-secret-token");
        }
        edge.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo("/repos/acme/checkout/actions/runs"))
                .withHeader(
                        "Authorization",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer gh-secret-token")));
    }

    @Test
    void withNoSourcesConfiguredTheStatusSaysSo() throws IOException {
        try (ConfiguredTriage triage =
                ConfiguredTriage.create(config("triage:\n  defaultNamespace: shop\n"), Clock.systemUTC())) {
            assertThat(triage.service().sourceNames()).isEmpty();
            assertThat(triage.description()).contains("no sources configured");
        }
    }

    private OpsbotConfig config(String yaml) throws IOException {
        Path file = dir.resolve("opsbot.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, Map.of("OPSBOT_PORT", "0"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
