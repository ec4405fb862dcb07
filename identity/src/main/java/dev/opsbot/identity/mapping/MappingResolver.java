package dev.opsbot.identity.mapping;

import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.identity.EnvironmentAccess;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.IdentityCache;
import dev.opsbot.core.identity.IdentityResolver;
import dev.opsbot.core.identity.Resolution;
import dev.opsbot.identity.directory.Directory;
import dev.opsbot.identity.directory.DirectoryPerson;
import dev.opsbot.identity.directory.DirectoryUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat user to person: the platform's e-mail, then the directory, then the group mappings. A mapped person is cached
 * for {@code ttl}, so a busy channel asks the directory once per person; a refusal is never cached, so the fix
 * (adding someone to a group) takes effect on their next message. Holds no mutable state of its own: safe to call
 * from any number of threads as long as the directory and the cache are.
 */
public final class MappingResolver implements IdentityResolver {
    private static final Logger log = LoggerFactory.getLogger(MappingResolver.class);

    private final Directory directory;
    private final GroupMappings mappings;
    private final IdentityCache cache;
    private final Duration ttl;
    private final Clock clock;
    private final Refusals refusals;

    /**
     * @param ttl how long a mapped person is kept before the directory is asked again
     * @param contact who people are told to ask for access ({@code #platform-access})
     */
    public MappingResolver(
            Directory directory,
            GroupMappings mappings,
            IdentityCache cache,
            Duration ttl,
            Clock clock,
            String contact) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("identity cache ttl must be positive, was " + ttl);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(contact, "contact");
        if (contact.isBlank()) {
            throw new IllegalArgumentException("a contact is needed: refusals tell people whom to ask for access");
        }
        this.refusals = new Refusals(contact.strip(), mappings);
    }

    @Override
    public Resolution resolve(String platform, ChatUser user) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(user, "user");
        Instant now = clock.instant();
        Optional<Identity> cached = cached(platform, user.id(), now);
        if (cached.isPresent()) {
            return new Resolution.Mapped(cached.get());
        }
        String email = user.email() == null ? "" : user.email().strip();
        if (email.isEmpty()) {
            return refused(platform, user, refusals.noEmail(platform, user.name()));
        }
        Optional<DirectoryPerson> found;
        try {
            found = directory.find(email);
        } catch (DirectoryUnavailableException e) {
            log.warn("cannot resolve {} user {}: {}", platform, user.id(), e.getMessage(), e);
            return refusals.unavailable(e);
        }
        if (found.isEmpty()) {
            return refused(platform, user, refusals.notInDirectory(email, directory.description()));
        }
        DirectoryPerson person = found.get();
        List<EnvironmentAccess> access = mappings.accessFor(person.groups());
        if (access.isEmpty()) {
            return refused(platform, user, refusals.noMappedGroup(email, person.groups()));
        }
        Identity identity = new Identity(
                platform,
                user.id(),
                email,
                person.displayName() != null ? person.displayName() : user.name(),
                person.source(),
                person.userId(),
                person.groups(),
                access,
                now);
        remember(identity, now.plus(ttl));
        return new Resolution.Mapped(identity);
    }

    @Override
    public void forget(String platform, String chatUserId) {
        cache.evict(platform, chatUserId);
    }

    @Override
    public String howToGetAccess(String environment) {
        return refusals.howToGetAccess(environment);
    }

    /** A cache that cannot be read costs a directory call, not the person's answer. */
    private Optional<Identity> cached(String platform, String chatUserId, Instant now) {
        try {
            return cache.find(platform, chatUserId, now);
        } catch (RuntimeException e) {
            log.warn("identity cache unreadable, asking the directory for {} user {}", platform, chatUserId, e);
            return Optional.empty();
        }
    }

    private void remember(Identity identity, Instant expiresAt) {
        try {
            cache.put(identity, expiresAt);
        } catch (RuntimeException e) {
            log.warn("identity cache unwritable; {} will be resolved again next time", identity.email(), e);
        }
    }

    private static Resolution.Refused refused(String platform, ChatUser user, Resolution.Refused refusal) {
        log.info("refused {} user {} ({}): {}", platform, user.id(), refusal.kind(), refusal.reason());
        return refusal;
    }
}
