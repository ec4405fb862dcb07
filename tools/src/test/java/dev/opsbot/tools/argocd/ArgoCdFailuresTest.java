package dev.opsbot.tools.argocd;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.opsbot.tools.http.TestContexts.closedPort;
import static dev.opsbot.tools.http.TestContexts.generous;
import static dev.opsbot.tools.http.TestContexts.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opsbot.core.tool.SourceFailure;
import dev.opsbot.core.tool.ToolContext;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every way Argo CD can fail reaches triage as a {@link SourceFailure} that says what to do, never the token. */
class ArgoCdFailuresTest {
    static final String TOKEN = ArgoCdEvidenceTest.TOKEN;

    @RegisterExtension
    static WireMockExtension argo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private SourceFailure collectFails(URI baseUrl, ToolContext context) {
        ArgoCdEvidence evidence = new ArgoCdEvidence(new ArgoCdClient(baseUrl, person -> TOKEN));
        SourceFailure failure = catchThrowableOfType(
                SourceFailure.class, () -> evidence.collect(ArgoCdEvidenceTest.checkout(), context));
        assertThat(failure).as("collect throws a SourceFailure").isNotNull();
        assertThat(failure.source()).isEqualTo("argocd");
        assertThat(failure.getMessage()).doesNotContain(TOKEN);
        return failure;
    }

    private SourceFailure collectFails() {
        return collectFails(URI.create(argo.baseUrl()), generous());
    }

    @Test
    void forbiddenNamesThePermission() {
        argo.stubFor(get("/api/v1/applications")
                .willReturn(aResponse().withStatus(403).withBody("{\"error\":\"permission denied\"}")));

        SourceFailure failure = collectFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
        assertThat(failure.getMessage()).isEqualTo("this identity lacks permission applications/get");
    }

    @Test
    void anUnknownTokenIsForbiddenToo() {
        argo.stubFor(get("/api/v1/applications").willReturn(aResponse().withStatus(401)));

        assertThat(collectFails().kind()).isEqualTo(SourceFailure.Kind.FORBIDDEN);
    }

    @Test
    void aSlowAnswerTimesOutAtTheDeadline() {
        argo.stubFor(
                get("/api/v1/applications").willReturn(okJson("{\"items\": []}").withFixedDelay(3000)));
        long started = System.nanoTime();

        SourceFailure failure = collectFails(URI.create(argo.baseUrl()), within(Duration.ofMillis(400)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2000));
        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.TIMEOUT);
        assertThat(failure.getMessage()).matches("argocd did not answer in \\d+ ms");
    }

    @Test
    void aServerErrorIsUnavailableWithoutQuotingTheBody() {
        argo.stubFor(get("/api/v1/applications")
                .willReturn(aResponse().withStatus(500).withBody("upstream said: Bearer " + TOKEN)));

        SourceFailure failure = collectFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(failure.getMessage())
                .isEqualTo("argocd is unavailable: it answered HTTP 500 for /api/v1/applications");
    }

    @Test
    void aRefusedConnectionIsUnavailable() {
        SourceFailure failure = collectFails(closedPort(), generous());

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).startsWith("argocd is unavailable: cannot connect to 127.0.0.1:");
    }

    @Test
    void malformedJsonIsUnavailableWithWhereItBroke() {
        argo.stubFor(get("/api/v1/applications")
                .willReturn(aResponse().withStatus(200).withBody("{\"items\": [ {\"metadata\": ")));

        SourceFailure failure = collectFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(failure.getMessage())
                .startsWith("argocd is unavailable: it answered /api/v1/applications with malformed JSON (line 1,");
    }

    @Test
    void aMissingApplicationIsNotFound() {
        argo.stubFor(get("/api/v1/applications/nope").willReturn(aResponse().withStatus(404)));
        ArgoCdClient client = new ArgoCdClient(URI.create(argo.baseUrl()), person -> TOKEN);

        SourceFailure failure = catchThrowableOfType(SourceFailure.class, () -> client.application("nope", generous()));

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.NOT_FOUND);
        assertThat(failure.getMessage()).isEqualTo("argocd has no application nope");
    }

    @Test
    void anEmptyTokenSendsNoAuthorizationHeader() {
        argo.stubFor(get("/api/v1/applications").willReturn(okJson("{\"items\": []}")));
        ArgoCdClient client = new ArgoCdClient(URI.create(argo.baseUrl()), person -> "");

        client.listApplications(generous());

        assertThat(argo.getAllServeEvents().getFirst().getRequest().containsHeader("Authorization"))
                .isFalse();
    }

    @Test
    void jsonOfTheWrongShapeIsUnavailable() {
        argo.stubFor(get("/api/v1/applications").willReturn(okJson("[]")));

        SourceFailure failure = collectFails();

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.UNAVAILABLE);
        assertThat(failure.getMessage())
                .isEqualTo("argocd is unavailable: it answered /api/v1/applications with JSON that is not an object");
    }

    @Test
    void aTokenThatIsNoHeaderValueIsABadRequestThatDoesNotQuoteIt() {
        String broken = "line1\r\nX-Injected: " + TOKEN;
        ArgoCdClient client = new ArgoCdClient(URI.create(argo.baseUrl()), person -> broken);

        SourceFailure failure = catchThrowableOfType(SourceFailure.class, () -> client.listApplications(generous()));

        assertThat(failure.kind()).isEqualTo(SourceFailure.Kind.BAD_REQUEST);
        assertThat(failure.getMessage()).doesNotContain(TOKEN).contains("check the configured token");
    }
}
