package dev.opsbot.teams.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.testing.contract.ConversationContract;
import dev.opsbot.teams.TeamsSettings;
import dev.opsbot.teams.TeamsThreads;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WireMock as the Bot Connector ({@link #serviceUrl()}) and the token endpoint ({@link #tokenUrl()}): it issues
 * tokens for one app id and password, accepts only those tokens, records every activity opsbot posts or updates per
 * conversation and gives each an id, opens conversations (a new channel thread is {@code
 * <channel>;messageid=<id>}, a one-to-one chat {@code a:<user id>}), and serves the roster from {@link #person}. It
 * can be told to fail the next calls ({@link #failNext}, {@link #failTokenRequests}).
 *
 * <p>Reading what opsbot said in a thread: {@link #messages(ThreadRef)} (each message as it reads now: {@link
 * FakeConnectorMessage#text()}, {@link FakeConnectorMessage#hasCard()}, {@link FakeConnectorMessage#hasImage()},
 * {@link FakeConnectorMessage#proposalId()}), or {@link #said(ThreadRef)} for the shared conversation contract.
 *
 * <pre>{@code
 * try (FakeConnector teams = new FakeConnector()) {
 *     teams.person("29:alice", "Alice Chen", "alice@example.com", "aad-alice");
 *     TeamsSettings settings = teams.settings(openIdMetadataUrl);
 *     // inbound activities carry "serviceUrl": teams.serviceUrl()
 *     ...
 *     assertThat(teams.messages(thread).getLast().text()).contains("oom");
 * }
 * }</pre>
 */
public final class FakeConnector implements AutoCloseable {
    public static final String DEFAULT_APP_ID = "00000000-0000-0000-0000-00000000b075";
    public static final String DEFAULT_APP_PASSWORD = "fake-connector-secret";
    static final String TOKEN_PATH = "/botframework.com/oauth2/v2.0/token";

    /** A member of every conversation's roster. */
    public record Person(String id, String name, String email, String userPrincipalName, String aadObjectId) {
        public Person(String id, String name, String email, String aadObjectId) {
            this(id, name, email, email, aadObjectId);
        }
    }

    record Failure(int status, Duration retryAfter) {}

    private static final class Posted {
        private final List<JsonNode> versions = new ArrayList<>();
    }

    private final String appId;
    private final String appPassword;
    private final WireMockServer wireMock;
    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Posted>> conversations = new LinkedHashMap<>();
    private final Map<String, List<JsonNode>> sent = new LinkedHashMap<>();
    private final List<JsonNode> created = new ArrayList<>();
    private final Deque<Failure> connectorFailures = new ArrayDeque<>();
    private final Deque<Failure> tokenFailures = new ArrayDeque<>();
    private final Set<String> tokens = new HashSet<>();
    private long nextActivity = 1_700_000_000_001L;
    private Duration tokenLifetime = Duration.ofHours(1);

    public FakeConnector(String appId, String appPassword) {
        this.appId = appId;
        this.appPassword = appPassword;
        this.wireMock = new WireMockServer(wireMockConfig().dynamicPort().extensions(new FakeConnectorRoutes(this)));
        wireMock.start();
        wireMock.stubFor(any(anyUrl()).willReturn(FakeConnectorRoutes.route()));
    }

    public FakeConnector() {
        this(DEFAULT_APP_ID, DEFAULT_APP_PASSWORD);
    }

    public String appId() {
        return appId;
    }

    public String appPassword() {
        return appPassword;
    }

    /** The Bot Connector's base URL, with the trailing slash Teams sends: {@code http://localhost:PORT/}. */
    public String serviceUrl() {
        return wireMock.baseUrl() + "/";
    }

    public URI tokenUrl() {
        return URI.create(wireMock.baseUrl() + TOKEN_PATH);
    }

    /** Settings whose app id, password and token URL are this fake's; no tenant; default reactions. */
    public TeamsSettings settings(URI openIdMetadataUrl) {
        return new TeamsSettings(
                appId, appPassword, null, openIdMetadataUrl, tokenUrl(), TeamsSettings.DEFAULT_REACTIONS);
    }

    public FakeConnector person(Person person) {
        people.put(person.id(), person);
        return this;
    }

    public FakeConnector person(String id, String name, String email, String aadObjectId) {
        return person(new Person(id, name, email, aadObjectId));
    }

    /** The next {@code times} Bot Connector calls answer {@code status} (no {@code Retry-After}). */
    public synchronized void failNext(int status, int times) {
        failNext(status, times, null);
    }

    /** The next {@code times} Bot Connector calls answer {@code status} with {@code Retry-After} (whole seconds). */
    public synchronized void failNext(int status, int times, Duration retryAfter) {
        for (int i = 0; i < times; i++) {
            connectorFailures.add(new Failure(status, retryAfter));
        }
    }

    /** The next {@code times} token requests answer {@code status}. */
    public synchronized void failTokenRequests(int status, int times) {
        for (int i = 0; i < times; i++) {
            tokenFailures.add(new Failure(status, null));
        }
    }

    /** How long the tokens issued from now on say they are valid ({@code expires_in}). */
    public synchronized void tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
    }

    /** How many tokens the fake has issued. */
    public synchronized int tokensIssued() {
        return tokens.size();
    }

    /** What opsbot posted in {@code thread}, oldest first, each message as it reads after its latest update. */
    public List<FakeConnectorMessage> messages(ThreadRef thread) {
        return messages(TeamsThreads.conversationId(thread));
    }

    /** What opsbot posted in the conversation {@code conversationId}, oldest first, each as it reads now. */
    public synchronized List<FakeConnectorMessage> messages(String conversationId) {
        List<FakeConnectorMessage> messages = new ArrayList<>();
        conversations
                .getOrDefault(conversationId, Map.of())
                .forEach((id, posted) -> messages.add(new FakeConnectorMessage(
                        conversationId, id, posted.versions.getLast(), posted.versions.size() - 1)));
        return messages;
    }

    /** {@link #messages(ThreadRef)} as the shared conversation contract reads a thread. */
    public List<ConversationContract.Said> said(ThreadRef thread) {
        return messages(thread).stream()
                .map(m -> new ConversationContract.Said(m.id(), m.text(), m.hasImage(), m.proposalId()))
                .toList();
    }

    /** Every activity posted or updated in {@code conversationId}, in the order they arrived. */
    public synchronized List<JsonNode> sent(String conversationId) {
        return List.copyOf(sent.getOrDefault(conversationId, List.of()));
    }

    /** The bodies of {@code POST v3/conversations} (ConversationParameters), in order. */
    public synchronized List<JsonNode> conversationsCreated() {
        return List.copyOf(created);
    }

    /** The WireMock server, for verifying raw requests. */
    public WireMockServer wireMock() {
        return wireMock;
    }

    /** Forgets messages, conversations, failures and the request log; people and issued tokens stay. */
    public synchronized void reset() {
        conversations.clear();
        sent.clear();
        created.clear();
        connectorFailures.clear();
        tokenFailures.clear();
        wireMock.resetRequests();
    }

    @Override
    public void close() {
        wireMock.stop();
    }

    // ---- called by FakeConnectorRoutes, one request at a time per method ----

    synchronized Optional<Failure> nextFailure(boolean tokenRequest) {
        return Optional.ofNullable((tokenRequest ? tokenFailures : connectorFailures).poll());
    }

    synchronized String issueToken() {
        String token = "fake-connector-token-" + (tokens.size() + 1);
        tokens.add(token);
        return token;
    }

    synchronized Duration tokenLifetime() {
        return tokenLifetime;
    }

    synchronized boolean accepts(String token) {
        return tokens.contains(token);
    }

    synchronized String post(String conversationId, JsonNode activity) {
        String id = nextActivityId();
        record(conversationId, id, activity);
        return id;
    }

    synchronized void record(String conversationId, String id, JsonNode activity) {
        conversations
                .computeIfAbsent(conversationId, c -> new LinkedHashMap<>())
                .put(id, new Posted());
        conversations.get(conversationId).get(id).versions.add(activity);
        sent.computeIfAbsent(conversationId, c -> new ArrayList<>()).add(activity);
    }

    /** False when no such activity was posted in the conversation. */
    synchronized boolean update(String conversationId, String id, JsonNode activity) {
        Posted posted = conversations.getOrDefault(conversationId, Map.of()).get(id);
        if (posted == null) {
            return false;
        }
        posted.versions.add(activity);
        sent.computeIfAbsent(conversationId, c -> new ArrayList<>()).add(activity);
        return true;
    }

    synchronized void created(JsonNode parameters) {
        created.add(parameters);
    }

    synchronized String nextActivityId() {
        return Long.toString(nextActivity++);
    }

    Optional<Person> member(String userId) {
        return Optional.ofNullable(people.get(userId));
    }
}
