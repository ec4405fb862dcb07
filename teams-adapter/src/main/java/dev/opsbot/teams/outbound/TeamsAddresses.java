package dev.opsbot.teams.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbot.core.chat.ChatDeliveryException;
import dev.opsbot.core.store.ChatAddresses;
import dev.opsbot.teams.TeamsSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Teams addresses in {@link ChatAddresses}, under the keys inbound and outbound share: {@code
 * conversation:<channel>} ({@link ConversationAddress}), {@code user:<Teams user id>} and {@code email:<lower-case
 * e-mail>} ({@link UserAddress}). The stored value is the record as JSON, every field present (null where Teams sent
 * none). Inbound ({@code TeamsAddressBook}) writes conversations and users, the roster e-mails; both through here, so
 * the keys and the JSON have one definition.
 */
public final class TeamsAddresses {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How long a channel's address read from the database is used without reading it again: every post needs it, and
     * it changes only when Teams moves a conversation to another service URL (seen first by inbound, on any replica).
     */
    static final Duration CONVERSATION_TTL = Duration.ofMinutes(1);

    private record Cached(ConversationAddress address, Instant readAt) {}

    private final ChatAddresses addresses;
    private final Clock clock;
    private final Map<String, Cached> conversations = new ConcurrentHashMap<>();

    public TeamsAddresses(ChatAddresses addresses, Clock clock) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static String conversationKey(String channel) {
        return "conversation:" + channel;
    }

    public static String userKey(String userId) {
        return "user:" + userId;
    }

    public static String emailKey(String email) {
        return "email:" + email.strip().toLowerCase(Locale.ROOT);
    }

    /** Where {@code channel} (a conversation id without {@code ;messageid=}) was last seen. */
    public Optional<ConversationAddress> conversation(String channel) {
        Instant now = clock.instant();
        Cached cached = conversations.get(channel);
        if (cached != null && now.isBefore(cached.readAt().plus(CONVERSATION_TTL))) {
            return Optional.of(cached.address());
        }
        Optional<ConversationAddress> stored = find(conversationKey(channel), ConversationAddress.class);
        stored.ifPresent(address -> conversations.put(channel, new Cached(address, now)));
        return stored;
    }

    public Optional<UserAddress> user(String userId) {
        return find(userKey(userId), UserAddress.class);
    }

    public Optional<UserAddress> byEmail(String email) {
        return find(emailKey(email), UserAddress.class);
    }

    public void rememberConversation(String channel, ConversationAddress address) {
        remember(conversationKey(channel), address);
        conversations.put(channel, new Cached(address, clock.instant()));
    }

    public void rememberUser(String userId, UserAddress address) {
        remember(userKey(userId), address);
    }

    public void rememberEmail(String email, UserAddress address) {
        remember(emailKey(email), address);
    }

    private void remember(String key, Object address) {
        try {
            addresses.remember(TeamsSettings.PLATFORM, key, JSON.writeValueAsString(address), clock.instant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Teams address " + key + " as JSON", e);
        }
    }

    private <T> Optional<T> find(String key, Class<T> type) {
        Optional<String> stored = addresses.find(TeamsSettings.PLATFORM, key);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(stored.get(), type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ChatDeliveryException(
                    "the stored Teams address " + key + " is unreadable (" + firstLine(e.getMessage())
                            + "); opsbot rewrites it the next time it sees an activity there",
                    false,
                    e);
        }
    }

    static String requireServiceUrl(String serviceUrl) {
        requireText(serviceUrl, "serviceUrl");
        if (!serviceUrl.startsWith("https://") && !serviceUrl.startsWith("http://")) {
            throw new IllegalArgumentException("serviceUrl must be an http(s) URL, got " + serviceUrl);
        }
        return serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
