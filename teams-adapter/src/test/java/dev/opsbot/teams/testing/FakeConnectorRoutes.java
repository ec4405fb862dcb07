package dev.opsbot.teams.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The {@link FakeConnector}'s answers, by method and path, as the real token endpoint and Bot Connector give them. */
final class FakeConnectorRoutes implements ResponseDefinitionTransformerV2 {
    static final String NAME = "fake-connector";
    private static final String CONVERSATIONS = "/v3/conversations";
    private static final String SCOPE = "https://api.botframework.com/.default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeConnector fake;

    FakeConnectorRoutes(FakeConnector fake) {
        this.fake = fake;
    }

    static ResponseDefinitionBuilder route() {
        return ResponseDefinitionBuilder.responseDefinition().withTransformers(NAME);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String path = request.getUrl().split("\\?", 2)[0];
        String method = request.getMethod().getName();
        try {
            if (path.equals(FakeConnector.TOKEN_PATH) && method.equals("POST")) {
                return token(request);
            }
            if (path.startsWith(CONVERSATIONS)) {
                return connector(method, path.substring(CONVERSATIONS.length()), request);
            }
            return error(404, "NotFound", "the fake Bot Connector has no " + method + " " + path);
        } catch (Exception e) {
            return error(400, "BadSyntax", "the fake could not read the request: " + e.getMessage());
        }
    }

    private ResponseDefinition token(LoggedRequest request) {
        Optional<FakeConnector.Failure> failure = fake.nextFailure(true);
        if (failure.isPresent()) {
            return tokenError(
                    failure.get().status(), "temporarily_unavailable", "AADSTS50001: the fake was told to fail");
        }
        if (!"client_credentials".equals(form(request, "grant_type"))) {
            return tokenError(400, "unsupported_grant_type", "AADSTS70003: only client_credentials is supported");
        }
        if (!fake.appId().equals(form(request, "client_id"))
                || !fake.appPassword().equals(form(request, "client_secret"))) {
            return tokenError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
        }
        if (!SCOPE.equals(form(request, "scope"))) {
            return tokenError(400, "invalid_scope", "AADSTS70011: The provided value for scope is not valid.");
        }
        ObjectNode body = JSON.createObjectNode()
                .put("token_type", "Bearer")
                .put("expires_in", fake.tokenLifetime().toSeconds())
                .put("ext_expires_in", fake.tokenLifetime().toSeconds())
                .put("access_token", fake.issueToken());
        return json(200, body);
    }

    private ResponseDefinition connector(String method, String rest, LoggedRequest request) throws Exception {
        Optional<FakeConnector.Failure> failure = fake.nextFailure(false);
        if (failure.isPresent()) {
            return failed(failure.get());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null
                || !authorization.startsWith("Bearer ")
                || !fake.accepts(authorization.substring("Bearer ".length()))) {
            return error(401, "Unauthorized", "Authorization has been denied for this request.");
        }
        String[] parts = rest.isEmpty() ? new String[0] : rest.substring(1).split("/");
        if (parts.length == 0 && method.equals("POST")) {
            return createConversation(JSON.readTree(request.getBodyAsString()));
        }
        String conversation = parts.length > 0 ? decode(parts[0]) : "";
        if (parts.length == 2 && parts[1].equals("activities") && method.equals("POST")) {
            return id(fake.post(conversation, JSON.readTree(request.getBodyAsString())));
        }
        if (parts.length == 3 && parts[1].equals("activities") && method.equals("PUT")) {
            String id = decode(parts[2]);
            return fake.update(conversation, id, JSON.readTree(request.getBodyAsString()))
                    ? id(id)
                    : error(404, "ActivityNotFoundInConversation", "no activity " + id + " in " + conversation);
        }
        if (parts.length == 3 && parts[1].equals("members") && method.equals("GET")) {
            return member(decode(parts[2]));
        }
        return error(404, "NotFound", "the fake Bot Connector has no " + method + " " + CONVERSATIONS + rest);
    }

    /** A new thread in a channel ({@code channelData.channel.id}), else a chat with the one member. */
    private ResponseDefinition createConversation(JsonNode parameters) {
        fake.created(parameters);
        String channel =
                parameters.path("channelData").path("channel").path("id").asText("");
        JsonNode activity = parameters.path("activity");
        ObjectNode answer = JSON.createObjectNode();
        if (!channel.isEmpty()) {
            String id = fake.nextActivityId();
            String conversation = channel + ";messageid=" + id;
            fake.record(conversation, id, activity);
            return json(201, answer.put("id", conversation).put("activityId", id));
        }
        JsonNode members = parameters.path("members");
        if (members.size() != 1 || members.get(0).path("id").asText("").isEmpty()) {
            return error(400, "BadArgument", "a chat needs exactly one member");
        }
        String conversation = "a:" + members.get(0).path("id").asText();
        answer.put("id", conversation);
        if (activity.isObject()) {
            answer.put("activityId", fake.post(conversation, activity));
        }
        return json(201, answer);
    }

    private ResponseDefinition member(String userId) {
        return fake.member(userId)
                .map(person -> json(
                        200,
                        JSON.createObjectNode()
                                .put("id", person.id())
                                .put("name", person.name())
                                .put("aadObjectId", person.aadObjectId())
                                .put("email", person.email())
                                .put("userPrincipalName", person.userPrincipalName())
                                .put("userRole", "user")))
                .orElseGet(() -> error(
                        404, "MemberNotFoundInConversation", "The member could not be found in the conversation."));
    }

    private static ResponseDefinition failed(FakeConnector.Failure failure) {
        ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(failure.status())
                .withHeader("Content-Type", "application/json")
                .withBody(errorBody(failure.status() == 429 ? "TooManyRequests" : "ServiceError", "told to fail"));
        if (failure.retryAfter() != null) {
            answer.withHeader("Retry-After", Long.toString(failure.retryAfter().toSeconds()));
        }
        return answer.build();
    }

    private static ResponseDefinition id(String id) {
        return json(200, JSON.createObjectNode().put("id", id));
    }

    private static ResponseDefinition error(int status, String code, String message) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(errorBody(code, message))
                .build();
    }

    private static String errorBody(String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        return body.toString();
    }

    private static ResponseDefinition tokenError(int status, String error, String description) {
        ObjectNode body = JSON.createObjectNode().put("error", error).put("error_description", description);
        return json(status, body);
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body.toString())
                .build();
    }

    private static String form(LoggedRequest request, String name) {
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && decode(kv[0]).equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** A path segment's percent escapes undone ({@code +} stays a plus, as in a path). */
    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
