package dev.opsbot.tools.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.tools.github.GitHubEvidenceTest.TOKEN;
import static dev.opsbot.tools.http.TestContexts.ALICE;
import static dev.opsbot.tools.http.TestContexts.closedPort;
import static dev.opsbot.tools.http.TestContexts.generous;
import static dev.opsbot.tools.http.TestContexts.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every way GitHub can fail reaches triage as a {@link SourceFailure} that says what to do, never the token. */
class GitHubFailuresTest {
    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String ANY_REPO_CALL = "/repos/acme/checkout/.*";

    private SourceFailure collectFails(URI baseUrl, ToolContext context) {
        GitHubEvidence evidence =
                new GitHubEvidence(new GitHubClient(baseUrl, person -> TOKEN), Map.of(), List.of("acme"));
        SourceFailure failure = catchThrowableOfType(
                SourceFailure.class, () -> evidence.collect(GitHubEvidenceTest.checkout(), context));
        assertThat(failure).as("collect throws a SourceFailure").isNotNull();
        assertThat(failure.source()).isEqualTo("github");
        assertThat(failure.getMessage()).doesNotContain(TOKEN);
        return failure;
    }

    private SourceFailure collectFails() {
        return collectFails(URI.create(github.baseUrl()), generous());
    }

    @Test
    void thePrimaryRateLimitSaysWhenItLifts() {
        long reset = Instant.parse("2026-03-10T03:15:00Z").getEpochSecond();
        github.stubFor(get(urlPathMatching(ANY_REPO_CALL))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("x-ratelimit-remaining", "0")
                        .withHeader("x-ratelimit-reset", String.valueOf(reset))
                        .withBody("{\"message\": \"API rate limit exceeded\"}")));

        SourceFailure failure = collectFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo("github rate limit reached until 03:15 UTC");
    }

    @Test
    void theSecondaryRateLimitCountsFromRetryAfter() {
        github.stubFor(get(urlPathMatching(ANY_REPO_CALL))
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "120")));
        Clock threeOClock = Clock.fixed(Instant.parse("2026-03-10T03:00:00Z"), ZoneOffset.UTC);
        ToolContext context = ToolContext.of(ALICE, Duration.ofSeconds(10), threeOClock);

        SourceFailure failure = collectFails(URI.create(github.baseUrl()), context);

        assertThat(failure.getMessage()).isEqualTo("github rate limit reached until 03:02 UTC");
    }

    @Test
    void forbiddenWithoutRateLimitHeadersNamesThePermission() {
        github.stubFor(get(urlPathMatching(ANY_REPO_CALL))
                .willReturn(aResponse().withStatus(403).withHeader("x-ratelimit-remaining", "4999")));

        SourceFailure failure = collectFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
        assertThat(failure.getMessage()).isEqualTo("this identity lacks permission actions:read on acme/checkout");
    }

    @Test
    void aSlowAnswerTimesOutAtTheDeadline() {
        github.stubFor(
                get(urlPathMatching(ANY_REPO_CALL)).willReturn(okJson("[]").withFixedDelay(3000)));
        long started = System.nanoTime();

        SourceFailure failure = collectFails(URI.create(github.baseUrl()), within(Duration.ofMillis(400)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2000));
        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.TIMEOUT);
        assertThat(failure.getMessage()).matches("github did not answer in \\d+ ms");
    }

    @Test
    void aServerErrorIsUnavailable() {
        github.stubFor(get(urlPathMatching(ANY_REPO_CALL))
                .willReturn(aResponse().withStatus(500).withBody("echo: Authorization: Bearer " + TOKEN)));

        SourceFailure failure = collectFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(failure.getMessage())
                .isEqualTo("github is unavailable: it answered HTTP 500 for /repos/acme/checkout/actions/runs");
    }

    @Test
    void aRefusedConnectionIsUnavailable() {
        SourceFailure failure = collectFails(closedPort(), generous());

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).startsWith("github is unavailable: cannot connect to 127.0.0.1:");
    }

    @Test
    void malformedJsonIsUnavailable() {
        github.stubFor(get(urlPathMatching(ANY_REPO_CALL))
                .willReturn(aResponse().withStatus(200).withBody("<html>proxy login</html>")));

        SourceFailure failure = collectFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(failure.getMessage())
                .startsWith("github is unavailable: it answered /repos/acme/checkout/actions/runs with malformed JSON");
    }
}
