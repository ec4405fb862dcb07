package dev.opsbot.teams.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.store.ChatAddresses;
import dev.opsbot.core.testing.InMemoryChatAddresses;
import dev.opsbot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A channel's address is read from the database once a minute at most: every post needs it. */
class TeamsAddressesTest {
    private static final String CHANNEL = "19:abc@thread.tacv2";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T03:00:00Z"));
    private final InMemoryChatAddresses stored = new InMemoryChatAddresses();
    private final AtomicInteger reads = new AtomicInteger();
    private final ChatAddresses counting = new ChatAddresses() {
        @Override
        public void remember(String platform, String key, String address, Instant at) {
            stored.remember(platform, key, address, at);
        }

        @Override
        public Optional<String> find(String platform, String key) {
            reads.incrementAndGet();
            return stored.find(platform, key);
        }
    };

    private static ConversationAddress at(String serviceUrl) {
        return new ConversationAddress(serviceUrl, CHANNEL, "tenant-1", "28:bot", "channel", CHANNEL);
    }

    @Test
    void aChannelsAddressIsReadOnceAMinuteAndAnUnknownOneEveryTime() {
        TeamsAddresses addresses = new TeamsAddresses(counting, clock);
        assertThat(addresses.conversation(CHANNEL)).isEmpty();
        assertThat(addresses.conversation(CHANNEL)).isEmpty();
        assertThat(reads).hasValue(2);

        new TeamsAddresses(counting, clock).rememberConversation(CHANNEL, at("https://smba.example/emea/"));
        assertThat(addresses.conversation(CHANNEL))
                .map(ConversationAddress::serviceUrl)
                .contains("https://smba.example/emea/");
        assertThat(addresses.conversation(CHANNEL)).isPresent();
        assertThat(reads).hasValue(3);

        new TeamsAddresses(counting, clock).rememberConversation(CHANNEL, at("https://smba.example/amer/"));
        clock.advance(TeamsAddresses.CONVERSATION_TTL.plus(Duration.ofSeconds(1)));
        assertThat(addresses.conversation(CHANNEL))
                .map(ConversationAddress::serviceUrl)
                .contains("https://smba.example/amer/");
        assertThat(reads).hasValue(4);
    }

    @Test
    void rememberingHereIsSeenHereAtOnce() {
        TeamsAddresses addresses = new TeamsAddresses(counting, clock);
        addresses.rememberConversation(CHANNEL, at("https://smba.example/emea/"));

        assertThat(addresses.conversation(CHANNEL))
                .map(ConversationAddress::serviceUrl)
                .contains("https://smba.example/emea/");
        assertThat(reads).hasValue(0);
    }
}
