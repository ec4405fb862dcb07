package dev.opsbot.teams.auth;

import dev.opsbot.core.testing.MutableClock;
import dev.opsbot.teams.testing.Activities;
import dev.opsbot.teams.testing.TestBotConnector;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;

/** A test connector and a token check that share one clock the test moves by hand. */
abstract class WithTestConnector {
    static final String SERVICE_URL = Activities.SERVICE_URL;

    final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T09:30:00Z"));
    final TestBotConnector connector = new TestBotConnector(clock);
    final BotConnectorTokens tokens = new BotConnectorTokens(
            TestBotConnector.APP_ID, new BotConnectorKeys(connector.openIdMetadataUrl(), clock), clock);

    @AfterEach
    void stopConnector() {
        connector.close();
    }

    /** {@code token} on a Teams activity naming {@link #SERVICE_URL}. */
    TokenCheck check(String token) {
        return tokens.check("Bearer " + token, SERVICE_URL, "msteams");
    }
}
