package dev.opsbot.core.testing.identity;

import dev.opsbot.core.identity.CredentialBroker;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.RequestOrigin;
import dev.opsbot.core.identity.SessionCredentials;
import dev.opsbot.core.identity.WriteGrant;
import dev.opsbot.core.identity.WriteSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A {@link CredentialBroker} that hands out made-up sessions and remembers every request. */
public final class CountingCredentialBroker implements CredentialBroker {
    /** One read request as it arrived. */
    public record ReadRequest(String email, String environment, RequestOrigin origin) {}

    private final List<ReadRequest> reads = new ArrayList<>();
    private final List<WriteGrant> writes = new ArrayList<>();

    @Override
    public synchronized SessionCredentials forRead(Identity person, String environment, RequestOrigin origin) {
        reads.add(new ReadRequest(person.email(), environment, origin));
        String role = person.access(environment).orElseThrow().readRoleArn();
        return new SessionCredentials(
                "ASIAREAD" + reads.size(), "secret", "token", Instant.parse("2099-01-01T00:00:00Z"), role);
    }

    @Override
    public synchronized WriteSession forWrite(WriteGrant grant) {
        writes.add(grant);
        return new WriteSession(grant.requester().writer(grant.environment()), null);
    }

    public synchronized List<ReadRequest> reads() {
        return List.copyOf(reads);
    }

    public synchronized List<WriteGrant> writes() {
        return List.copyOf(writes);
    }
}
