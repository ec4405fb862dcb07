package dev.opsbot.app.identity;

import dev.opsbot.core.identity.CredentialBroker;
import dev.opsbot.core.identity.ElevationException;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.RequestOrigin;
import dev.opsbot.core.identity.SessionCredentials;
import dev.opsbot.core.identity.WriteGrant;
import dev.opsbot.core.identity.WriteSession;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The STS broker, built when the first AWS credential is asked for. A demo or a cluster without AWS never needs
 * one, and must not fail to start because no AWS region is set; a bot that does need one says why it has none, in
 * the thread, every time it is asked.
 */
final class LazyBroker implements CredentialBroker, AutoCloseable {
    private final Supplier<Built> factory;
    // volatile, read without the lock: every tool call of every request asks for the broker
    private volatile Built built;

    /** The broker and what closes it. */
    record Built(CredentialBroker broker, AutoCloseable resources) {}

    LazyBroker(Supplier<Built> factory) {
        this.factory = factory;
    }

    @Override
    public SessionCredentials forRead(Identity person, String environment, RequestOrigin origin) {
        return broker().forRead(person, environment, origin);
    }

    @Override
    public WriteSession forWrite(WriteGrant grant) {
        return broker().forWrite(grant);
    }

    private CredentialBroker broker() {
        Built ready = built;
        return ready != null ? ready.broker() : build();
    }

    private synchronized CredentialBroker build() {
        if (built == null) {
            try {
                built = factory.get();
            } catch (SdkException e) {
                throw new ElevationException(
                        ElevationException.Kind.UNAVAILABLE,
                        "opsbot cannot call AWS STS: " + e.getMessage()
                                + " (set identity.sts.region or AWS_REGION; see docs/identity.md)",
                        e);
            }
        }
        return built.broker();
    }

    @Override
    public synchronized void close() throws Exception {
        if (built != null) {
            built.resources().close();
        }
    }
}
