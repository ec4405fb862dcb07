package dev.opsbot.core.identity;

import dev.opsbot.core.chat.ChatEvent;
import java.util.Objects;

/**
 * The one way the conversation turns "who asked" into "who opsbot acts as" for a request: resolve the person, pick
 * the environment of the thread, and hand out a principal for Kubernetes and lazily fetched AWS credentials. A
 * person who cannot be resolved, or has no read access in this environment, gets {@link Outcome.Refused} with an
 * answer for the thread.
 */
public final class Acting {
    private final IdentityResolver resolver;
    private final CredentialBroker broker;
    private final Environments environments;
    private final PlatformUsers platformUsers;

    public Acting(IdentityResolver resolver, CredentialBroker broker, Environments environments) {
        this(resolver, broker, environments, PlatformUsers.NONE);
    }

    /**
     * @param platformUsers completes a chat user the event carried without an e-mail (Slack events carry only the
     *     user id; the e-mail comes from {@code users.info} here, while handling, not while acknowledging)
     */
    public Acting(
            IdentityResolver resolver,
            CredentialBroker broker,
            Environments environments,
            PlatformUsers platformUsers) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.environments = Objects.requireNonNull(environments, "environments");
        this.platformUsers = Objects.requireNonNull(platformUsers, "platformUsers");
    }

    /** The outcome of {@link #forRead}. */
    public sealed interface Outcome {
        /**
         * @param principal the person for Kubernetes impersonation
         * @param cloud their read session, fetched on first use
         */
        record As(Identity identity, String environment, Principal principal, CloudCredentials cloud)
                implements Outcome {}

        /** @param message the whole answer for the thread: why, who to ask and what to ask for */
        record Refused(Resolution.RefusalKind kind, String message) implements Outcome {}
    }

    public Outcome forRead(ChatEvent event) {
        String environment = environments.of(event.thread());
        return switch (resolve(event.platform(), event.user())) {
            case Resolution.Refused refused -> new Outcome.Refused(refused.kind(), refused.message());
            case Resolution.Mapped mapped -> readerIn(mapped.identity(), environment, event);
        };
    }

    public Resolution resolve(ChatEvent event) {
        return resolve(event.platform(), event.user());
    }

    /** Resolves someone who is not the event's author (a proposal's requester, when it runs). */
    public Resolution resolve(String platform, dev.opsbot.core.chat.ChatUser user) {
        return resolver.resolve(platform, complete(platform, user));
    }

    /** The user with their e-mail and name from the platform's directory, when the event carried none. */
    private dev.opsbot.core.chat.ChatUser complete(String platform, dev.opsbot.core.chat.ChatUser user) {
        if (user.email() != null && !user.email().isBlank()) {
            return user;
        }
        return platformUsers.find(platform, user.id()).orElse(user);
    }

    /** Forgets the cached mapping of the event's user, so the next resolution asks the directory again. */
    public void forget(ChatEvent event) {
        resolver.forget(event.platform(), event.user().id());
    }

    public String environmentOf(ChatEvent event) {
        return environments.of(event.thread());
    }

    public String howToGetAccess(String environment) {
        return resolver.howToGetAccess(environment);
    }

    private Outcome readerIn(Identity identity, String environment, ChatEvent event) {
        boolean canRead =
                identity.access(environment).map(EnvironmentAccess::canRead).orElse(false);
        if (!canRead) {
            return new Outcome.Refused(
                    Resolution.RefusalKind.NO_MAPPED_GROUP,
                    identity.email() + " has no read access in " + environment + mappedElsewhere(identity) + ". "
                            + resolver.howToGetAccess(environment));
        }
        RequestOrigin origin = new RequestOrigin(event.thread(), event.user().id(), event.eventId());
        CloudCredentials cloud = () -> broker.forRead(identity, environment, origin);
        return new Outcome.As(identity, environment, identity.reader(environment), cloud);
    }

    private static String mappedElsewhere(Identity identity) {
        var elsewhere = identity.environments().stream()
                .filter(EnvironmentAccess::canRead)
                .map(EnvironmentAccess::environment)
                .toList();
        return elsewhere.isEmpty() ? "" : " (only in " + String.join(", ", elsewhere) + ")";
    }
}
