package dev.opsbot.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One vault per conversation, dropped when idle or when there are too many. */
class VaultsTest {
    private static final String TOKEN = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T03:00:00Z"));
    private final Vaults vaults = new Vaults(Duration.ofHours(1), 2, 100, clock);
    private final ThreadRef incident = new ThreadRef("slack", "C01", "1710037000.000100");

    @Test
    void aThreadKeepsItsVaultAndOtherThreadsHaveTheirOwn() {
        Vault vault = vaults.forThread(incident);
        String placeholder = Redactor.standard().redact(TOKEN, vault);

        assertThat(vaults.forThread(new ThreadRef("slack", "C01", "1710037000.000100")))
                .isSameAs(vault);
        assertThat(vaults.forThread(new ThreadRef("slack", "C01", "other")).restore(placeholder))
                .isEqualTo(placeholder);
    }

    @Test
    void anIdleConversationsVaultIsDroppedAndForgotten() {
        Vault vault = vaults.forThread(incident);
        String placeholder = Redactor.standard().redact(TOKEN, vault);

        clock.advance(Duration.ofMinutes(61));

        assertThat(vaults.size()).isZero();
        assertThat(vault.restore(placeholder)).isEqualTo(placeholder);
        assertThat(vaults.forThread(incident)).isNotSameAs(vault);
    }

    @Test
    void beyondItsBoundTheLeastRecentlyUsedConversationIsDropped() {
        Vault first = vaults.forKey("a");
        Redactor.standard().redact(TOKEN, first);
        vaults.forKey("b");
        vaults.forKey("c");

        assertThat(vaults.size()).isEqualTo(2);
        assertThat(first.size()).isZero();
        assertThat(vaults.toString()).isEqualTo("Vaults[2 conversations, 0 secrets]");
    }
}
