package dev.opsbot.identity.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StsSettingsTest {
    @Test
    void defaultsAreFifteenMinuteSessionsRefreshedTwoMinutesEarly() {
        assertThat(StsSettings.defaults())
                .isEqualTo(new StsSettings(Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(2)));
        assertThat(StsSettings.defaults().readSeconds()).isEqualTo(900);
    }

    @Test
    void sessionsShorterThanStsAllowsAreRejected() {
        assertThatThrownBy(() -> new StsSettings(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a read session must last at least 15 minutes (STS's minimum is 900 s), not PT5M");
        assertThatThrownBy(() -> new StsSettings(Duration.ofMinutes(15), Duration.ofSeconds(899), Duration.ZERO))
                .hasMessageStartingWith("a write session must last at least 15 minutes");
    }

    @Test
    void sessionsLongerThanRoleChainingAllowsAreRejected() {
        assertThatThrownBy(() -> new StsSettings(Duration.ofHours(2), Duration.ofMinutes(15), Duration.ZERO))
                .hasMessage("a read session can last at most 1 hour (STS caps role chaining from opsbot's own role "
                        + "at 3600 s), not PT2H");
    }

    @Test
    void theRefreshMarginMustLeaveSomeOfTheSession() {
        assertThatThrownBy(
                        () -> new StsSettings(Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15)))
                .hasMessageStartingWith("the refresh margin must be between 0 and the read session's length");
        assertThatThrownBy(
                        () -> new StsSettings(Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
