package dev.opsbot.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.testing.identity.CountingCredentialBroker;
import dev.opsbot.core.testing.identity.FixedIdentities;
import dev.opsbot.core.testing.identity.People;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An event that carried only a user id is completed from the platform's directory while it is handled. */
class ActingPlatformUsersTest {
    private static final ThreadRef THREAD = new ThreadRef("slack", "CINC", "1700000000.000100");

    private final List<String> asked = new ArrayList<>();
    private final PlatformUsers slackUsers = (platform, userId) -> {
        asked.add(platform + ":" + userId);
        return userId.equals("UALICE")
                ? Optional.of(new ChatUser("alice", "Alice Chen", "alice@example.com"))
                : Optional.empty();
    };
    private final Acting acting = new Acting(
            new FixedIdentities(People.alice()),
            new CountingCredentialBroker(),
            Environments.only("production"),
            slackUsers);

    private static ChatEvent mention(ChatUser user) {
        return new ChatEvent.Mention("Ev1", THREAD, "m1", user, "why is checkout 5xx?", Instant.now());
    }

    @Test
    void aUserWithoutAnEmailIsLookedUpOnTheirPlatform() {
        Acting.Outcome outcome = acting.forRead(mention(new ChatUser("UALICE", "UALICE", null)));

        assertThat(outcome).isInstanceOfSatisfying(Acting.Outcome.As.class, as -> assertThat(
                        as.identity().email())
                .isEqualTo("alice@example.com"));
        assertThat(asked).containsExactly("slack:UALICE");
    }

    @Test
    void aUserWhoseEventCarriedAnEmailIsNotLookedUp() {
        acting.forRead(mention(new ChatUser("alice", "Alice Chen", "alice@example.com")));

        assertThat(asked).isEmpty();
    }

    @Test
    void someoneTheDirectoryDoesNotKnowIsRefusedAsBefore() {
        Acting.Outcome outcome = acting.forRead(mention(new ChatUser("UNOBODY", "UNOBODY", null)));

        assertThat(outcome).isInstanceOf(Acting.Outcome.Refused.class);
    }
}
