package dev.opsbot.teams.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.testing.contract.ConversationContract;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake itself: its token rules, and how it reads back what was posted (the app's contract test relies on it). */
class FakeConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadRef THREAD = new ThreadRef("teams", "19:c@thread.tacv2", "1699999999000");

    private final FakeConnector teams = new FakeConnector();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        teams.close();
    }

    @Test
    void tokensAreIssuedOnlyForItsAppIdPasswordAndTheBotFrameworkScope() throws Exception {
        assertThat(tokenRequest(teams.appId(), teams.appPassword(), "https://api.botframework.com/.default")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> wrongSecret =
                tokenRequest(teams.appId(), "guess", "https://api.botframework.com/.default");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("invalid_client");
        assertThat(tokenRequest(teams.appId(), teams.appPassword(), "https://graph.microsoft.com/.default")
                        .statusCode())
                .isEqualTo(400);
        assertThat(teams.tokensIssued()).isEqualTo(1);
    }

    @Test
    void theConnectorAcceptsOnlyTokensItIssued() throws Exception {
        HttpResponse<String> refused = post("/v3/conversations/x/activities", "{\"type\":\"message\"}", "forged");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(teams.messages("x")).isEmpty();
    }

    @Test
    void aPostedCardReadsBackAsTextImageAndProposal() throws Exception {
        String token = JSON.readTree(
                        tokenRequest(teams.appId(), teams.appPassword(), "https://api.botframework.com/.default")
                                .body())
                .path("access_token")
                .asText();
        String activity = """
                {"type":"message","summary":"checkout is **down**","attachments":[{
                  "contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","body":[
                    {"type":"TextBlock","text":"Most likely **oom**"},
                    {"type":"FactSet","facts":[{"title":"Cause","value":"oom"}]},
                    {"type":"Image","url":"data:image/png;base64,iVBORw=="},
                    {"type":"Container","items":[{"type":"ActionSet","actions":[{"type":"Action.Submit",
                      "title":"Approve","data":{"opsbot":"vote","reaction":"white_check_mark","proposal":"p-1"}}]}]}
                  ]}}]}""";

        HttpResponse<String> posted =
                post("/v3/conversations/19:c@thread.tacv2;messageid=1699999999000/activities", activity, token);

        assertThat(posted.statusCode()).isEqualTo(200);
        String id = JSON.readTree(posted.body()).path("id").asText();
        FakeConnectorMessage message = teams.messages(THREAD).getFirst();
        assertThat(message.id()).isEqualTo(id);
        assertThat(message.text()).isEqualTo("checkout is down\nMost likely oom\nCause: oom\nApprove");
        assertThat(message.hasCard()).isTrue();
        assertThat(message.hasImage()).isTrue();
        assertThat(message.proposalId()).isEqualTo("p-1");
        assertThat(teams.said(THREAD)).containsExactly(new ConversationContract.Said(id, message.text(), true, "p-1"));
        JsonNode sent = teams.sent("19:c@thread.tacv2;messageid=1699999999000").getFirst();
        assertThat(sent.path("summary").asText()).isEqualTo("checkout is **down**");
    }

    private HttpResponse<String> tokenRequest(String clientId, String secret, String scope) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret)
                + "&scope=" + encode(scope);
        return http.send(
                HttpRequest.newBuilder(teams.tokenUrl())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(teams.serviceUrl() + path.substring(1)))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
