package dev.opsbot.app.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.triage.SignalName;
import dev.opsbot.tools.signals.SignalQueries;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RangeClipTest {
    @Test
    void rangesLongerThanTheTimeSinceTheChangeAreShortenedToIt() {
        String ratio = SignalQueries.defaults().render(SignalName.ERROR_RATIO, "shop", "checkout");

        String clipped = RangeClip.clip(ratio, Duration.ofSeconds(75));

        assertThat(clipped).doesNotContain("[5m]").contains("[75s]");
        assertThat(clipped.replace("[75s]", "[5m]")).isEqualTo(ratio);
    }

    @Test
    void shorterRangesSubqueriesAndCompoundDurationsAreHandled() {
        assertThat(RangeClip.clip("rate(x[30s])", Duration.ofMinutes(1))).isEqualTo("rate(x[30s])");
        assertThat(RangeClip.clip("max_over_time(rate(x[1m])[10m:30s])", Duration.ofSeconds(45)))
                .isEqualTo("max_over_time(rate(x[45s])[10m:30s])");
        assertThat(RangeClip.clip("increase(x[1h30m])", Duration.ofMinutes(2))).isEqualTo("increase(x[120s])");
    }
}
