package dev.opsbot.teams.outbound;

import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.teams.TeamsThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Teams user is, for identity: the roster of the conversation they were last seen in ({@code GET
 * v3/conversations/{conversation}/members/{user}}) gives their e-mail, or their user principal name when the e-mail
 * is empty (guests, some tenants), and their display name. Answers are cached ({@link #DEFAULT_TTL}, at most {@link
 * #DEFAULT_CAPACITY} people, least recently asked evicted) because every activity names its sender. Once the e-mail
 * is known it is kept as {@code email:<e-mail>}, the address {@link TeamsChatPort#postDirect} needs.
 *
 * <p>Never throws: a person opsbot has no address for, or a roster call that fails, is {@link Optional#empty()} with
 * a warning (not cached, so the next activity asks again); identity then refuses them with its own message.
 */
public final class TeamsRoster {
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final int DEFAULT_CAPACITY = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(TeamsRoster.class);

    private record Cached(ChatUser user, Instant until) {}

    private final BotConnector connector;
    private final TeamsAddresses addresses;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache;

    public TeamsRoster(BotConnector connector, TeamsAddresses addresses, Clock clock, Duration ttl, int capacity) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > capacity;
            }
        };
    }

    public TeamsRoster(BotConnector connector, TeamsAddresses addresses) {
        this(connector, addresses, Clock.systemUTC(), DEFAULT_TTL, DEFAULT_CAPACITY);
    }

    /** The person with Teams id {@code userId} ({@code 29:…}), or empty when Teams could not say. */
    public Optional<ChatUser> user(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        synchronized (cache) {
            Cached cached = cache.get(userId);
            if (cached != null && now.isBefore(cached.until())) {
                return Optional.of(cached.user());
            }
        }
        try {
            Optional<ChatUser> user = lookUp(userId);
            user.ifPresent(found -> {
                synchronized (cache) {
                    cache.put(userId, new Cached(found, now.plus(ttl)));
                }
            });
            return user;
        } catch (RuntimeException e) {
            LOG.warn("Teams roster lookup failed for {}: {}", userId, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<ChatUser> lookUp(String userId) {
        Optional<UserAddress> seen = addresses.user(userId);
        if (seen.isEmpty()) {
            LOG.warn("opsbot has not seen Teams user {} yet: no address to ask their conversation's roster", userId);
            return Optional.empty();
        }
        UserAddress address = seen.get();
        String conversation = TeamsThreads.channelOf(address.conversationId());
        TeamsChannelAccount member = connector.get(
                address.serviceUrl(),
                "v3/conversations/" + BotConnector.segment(conversation) + "/members/" + BotConnector.segment(userId),
                TeamsChannelAccount.class);
        if (member == null) {
            LOG.warn("Teams roster of {} returned nothing for {}", conversation, userId);
            return Optional.empty();
        }
        String email = firstPresent(member.getEmail(), member.getUserPrincipalName());
        String name = firstPresent(member.getName(), address.name());
        if (email != null) {
            addresses.rememberEmail(
                    email,
                    new UserAddress(
                            address.serviceUrl(),
                            address.conversationId(),
                            address.tenantId(),
                            userId,
                            firstPresent(member.getAadObjectId(), address.aadObjectId()),
                            name));
        }
        return Optional.of(new ChatUser(userId, name, email));
    }

    private static String firstPresent(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second == null || second.isBlank() ? null : second;
    }
}
