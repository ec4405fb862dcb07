package dev.opsbot.tools.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.tools.http.TestContexts.fixture;
import static dev.opsbot.tools.http.TestContexts.generous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GitHubEvidenceTest {
    static final String TOKEN = "ghp_s3cr3tT0ken";
    static final Instant NOW = Instant.parse("2026-03-10T03:00:00Z");
    static final String REPO = "/repos/acme/checkout";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static Investigation checkout() {
        return new Investigation(
                "why is checkout 5xx?", "shop", "checkout", SymptomKind.HTTP_5XX, NOW, Duration.ofHours(1));
    }

    static GitHubClient client() {
        return new GitHubClient(URI.create(github.baseUrl()), person -> TOKEN);
    }

    private GitHubEvidence byDefaultOwner() {
        return new GitHubEvidence(client(), Map.of(), List.of("acme"));
    }

    private void stubRepository() {
        github.stubFor(
                get(urlPathEqualTo(REPO + "/actions/runs")).willReturn(okJson(fixture(getClass(), "runs.json"))));
        github.stubFor(
                get(urlPathEqualTo(REPO + "/deployments")).willReturn(okJson(fixture(getClass(), "deployments.json"))));
        github.stubFor(get(urlPathEqualTo(REPO + "/deployments/9001/statuses"))
                .willReturn(okJson(fixture(getClass(), "statuses.json"))));
    }

    private static ChangeEvent ci(String at, String author, String detail) {
        return new ChangeEvent(
                Instant.parse(at),
                "github",
                ChangeKind.CI_RUN,
                ObjectRef.of("Repository", "", "acme/checkout"),
                null,
                null,
                author,
                detail,
                List.of());
    }

    @Test
    void runsAndDeploymentsInsideTheWindowBecomeCiChanges() {
        stubRepository();

        SourceEvidence found = byDefaultOwner().collect(checkout(), generous());

        assertThat(found.changes())
                .containsExactly(
                        ci(
                                "2026-03-10T02:58:00Z",
                                "alice",
                                "GitHub Actions 'deploy' run #814 on main (fffffff) by alice: success"),
                        ci(
                                "2026-03-10T02:56:00Z",
                                "bob",
                                "GitHub Actions 'ci' run #813 on fix-timeout (eeeeeee) by bob: in_progress"),
                        ci(
                                "2026-03-10T02:31:00Z",
                                "alice",
                                "GitHub Actions 'deploy' run #812 on main (abc1234) by alice: success"),
                        ci(
                                "2026-03-10T02:05:00Z",
                                "carol",
                                "GitHub Actions 'deploy' run #811 on main (ddddddd) by carol: failure"),
                        ci(
                                "2026-03-10T02:30:00Z",
                                "github-actions[bot]",
                                "GitHub deployment of abc1234 (main) to production by github-actions[bot]: success"));
        assertThat(found.checks())
                .containsExactly(Check.normal(
                        "github", "repository acme/checkout", "4 workflow runs and 1 deployment in the window"));
        assertThat(found.gaps()).isEmpty();
    }

    @Test
    void requestsCarryGitHubHeadersTheTokenAndTheCreatedFilter() {
        stubRepository();

        byDefaultOwner().collect(checkout(), generous());

        github.verify(getRequestedFor(urlPathEqualTo(REPO + "/actions/runs"))
                .withQueryParam("per_page", equalTo("50"))
                .withQueryParam("created", equalTo(">=2026-03-10T01:00:00Z"))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        github.verify(getRequestedFor(urlPathEqualTo(REPO + "/deployments")).withQueryParam("per_page", equalTo("30")));
        github.verify(getRequestedFor(urlPathEqualTo(REPO + "/deployments/9001/statuses"))
                .withQueryParam("per_page", equalTo("1")));
        github.verify(0, getRequestedFor(urlPathEqualTo(REPO + "/deployments/9000/statuses")));
    }

    @Test
    void configuredRepositoriesWinOverTheDefaultOwner() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/checkout-api/actions/runs"))
                .willReturn(okJson("{\"total_count\": 0, \"workflow_runs\": []}")));
        github.stubFor(
                get(urlPathEqualTo("/repos/acme/checkout-api/deployments")).willReturn(okJson("[]")));
        GitHubEvidence evidence =
                new GitHubEvidence(client(), Map.of("checkout", List.of("acme/checkout-api")), List.of("acme"));

        SourceEvidence found = evidence.collect(checkout(), generous());

        assertThat(found.checks())
                .containsExactly(Check.normal(
                        "github", "repository acme/checkout-api", "0 workflow runs and 0 deployments in the window"));
        github.verify(0, getRequestedFor(urlPathEqualTo(REPO + "/actions/runs")));
    }

    @Test
    void aServiceWithoutRepositoriesIsANormalCheck() {
        SourceEvidence found = new GitHubEvidence(client(), Map.of(), List.of()).collect(checkout(), generous());

        assertThat(found.checks())
                .containsExactly(
                        Check.normal("github", "repositories", "github: no repository configured for checkout"));
    }

    @Test
    void aRepositoryThatDoesNotExistIsANormalCheck() {
        github.stubFor(get(urlPathEqualTo(REPO + "/actions/runs"))
                .willReturn(aResponse().withStatus(404).withBody("{\"message\": \"Not Found\"}")));

        SourceEvidence found = byDefaultOwner().collect(checkout(), generous());

        assertThat(found.checks())
                .containsExactly(
                        Check.normal("github", "repository acme/checkout", "github: no repository acme/checkout"));
        assertThat(found.gaps()).isEmpty();
    }

    @Test
    void deploymentsThatCannotBeReadAreAGapWhileTheRunsStand() {
        stubRepository();
        github.stubFor(get(urlPathEqualTo(REPO + "/deployments"))
                .willReturn(aResponse().withStatus(502)));

        SourceEvidence found = byDefaultOwner().collect(checkout(), generous());

        assertThat(found.changes()).hasSize(4);
        assertThat(found.gaps())
                .containsExactly("github deployments of acme/checkout: github is unavailable: it answered HTTP 502 for"
                        + " /repos/acme/checkout/deployments");
        assertThat(found.checks())
                .extracting(Check::detail)
                .containsExactly("4 workflow runs and deployments unread in the window");
    }

    @Test
    void deploymentsAnsweredWithSomethingOtherThanAnArrayAreAGap() {
        stubRepository();
        github.stubFor(get(urlPathEqualTo(REPO + "/deployments")).willReturn(okJson("{\"message\": \"moved\"}")));

        SourceEvidence found = byDefaultOwner().collect(checkout(), generous());

        assertThat(found.gaps())
                .containsExactly("github deployments of acme/checkout: github is unavailable: it answered"
                        + " /repos/acme/checkout/deployments with JSON that is not an array");
    }

    @Test
    void aServiceNameNoRepositoryCanHaveIsNotGuessed() {
        SourceEvidence found = byDefaultOwner().collect(checkout().about("check out"), generous());

        assertThat(found.checks())
                .containsExactly(
                        Check.normal("github", "repositories", "github: no repository configured for check out"));
    }

    @Test
    void aConfiguredNameThatIsNotOwnerSlashRepoFailsAtStart() {
        assertThatThrownBy(() -> new GitHubEvidence(client(), Map.of("checkout", List.of("checkout")), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("github repositories of checkout: 'checkout' is not a repository name like owner/repo");
    }

    @Test
    void fromAListOfRepositoriesTheOneNamedLikeTheServiceIsRead() {
        stubRepository();
        GitHubEvidence evidence = new GitHubEvidence(client(), List.of("acme/payments", "acme/checkout"));

        SourceEvidence found = evidence.collect(checkout(), generous());

        assertThat(found.changes()).hasSize(5);
        github.verify(0, getRequestedFor(urlPathEqualTo("/repos/acme/payments/actions/runs")));
    }
}
