package dev.opsbot.teams.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TeamsEventIdsTest {
    @Test
    void idIsTheChannelAndTheActivityIdWithoutTheThreadSuffix() {
        assertThat(TeamsEventIds.of("19:abc@thread.tacv2;messageid=170", "171", null))
                .isEqualTo("19:abc@thread.tacv2/171");
        assertThat(TeamsEventIds.of("19:abc@thread.tacv2", "f:1", "+like")).isEqualTo("19:abc@thread.tacv2/f:1/+like");
    }

    @Test
    void tooLongConversationIsNamedByItsHashAndStaysDistinct() {
        String longChannel = "a:" + "x".repeat(300);
        String id = TeamsEventIds.of(longChannel, "1", null);
        String other = TeamsEventIds.of("a:" + "y".repeat(300), "1", null);

        assertThat(id).hasSizeLessThanOrEqualTo(255).matches("[0-9a-f]{16}/1");
        assertThat(other).isNotEqualTo(id);
        assertThat(TeamsEventIds.of(longChannel, "1", null)).as("stable").isEqualTo(id);
    }

    @Test
    void absurdlyLongActivityIdStillFits() {
        assertThat(TeamsEventIds.of("19:abc@thread.tacv2", "9".repeat(400), null))
                .hasSizeLessThanOrEqualTo(TeamsEventIds.MAX_LENGTH);
    }
}
