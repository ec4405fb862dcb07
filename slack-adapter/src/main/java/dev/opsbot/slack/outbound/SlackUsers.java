package dev.opsbot.slack.outbound;

import com.slack.api.model.User;
import dev.opsbot.core.chat.ChatDeliveryException;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.slack.inbound.UserDirectory;
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
 * Who a Slack user is, from {@code users.info}: their name and (with the {@code users:read.email} scope) their email,
 * which identity mapping keys on. Answers are cached for a while, with a bound on how many, because every event
 * names its user and Slack's {@code users.info} is rate-limited.
 *
 * <p>This runs inside event handling, so it never throws: when Slack fails the person is returned with only their id
 * (not cached, so the next event asks again), and identity mapping then refuses them with a clear message.
 */
public final class SlackUsers implements UserDirectory {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    public static final int DEFAULT_CAPACITY = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(SlackUsers.class);

    private record Cached(ChatUser user, Instant until) {}

    private final SlackWebApi api;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache;

    public SlackUsers(SlackWebApi api, Clock clock, Duration ttl, int capacity) {
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        // access-ordered: the least recently asked-for person is evicted first
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > capacity;
            }
        };
    }

    public SlackUsers(SlackWebApi api) {
        this(api, Clock.systemUTC(), DEFAULT_TTL, DEFAULT_CAPACITY);
    }

    /** The person, never empty for a non-blank id. */
    @Override
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
            ChatUser user = lookUp(userId);
            synchronized (cache) {
                cache.put(userId, new Cached(user, now.plus(ttl)));
            }
            return Optional.of(user);
        } catch (ChatDeliveryException e) {
            LOG.warn("Slack users.info failed for {}: {}", userId, e.getMessage());
            return Optional.of(ChatUser.of(userId));
        }
    }

    private ChatUser lookUp(String userId) {
        User user = api.call("users.info", methods -> methods.usersInfo(r -> r.user(userId)))
                .getUser();
        if (user == null) {
            return ChatUser.of(userId);
        }
        String name = firstPresent(user.getRealName(), user.getName());
        String email =
                user.getProfile() == null ? null : blankToNull(user.getProfile().getEmail());
        return new ChatUser(userId, name, email);
    }

    private static String firstPresent(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
