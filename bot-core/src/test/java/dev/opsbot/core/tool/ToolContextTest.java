package dev.opsbot.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.identity.Principal;
import dev.opsbot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ToolContextTest {
    private static final Instant START = Instant.parse("2026-03-10T02:47:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final ToolContext context =
            ToolContext.of(Principal.of("alice@example.com"), Duration.ofSeconds(10), clock);

    @Test
    void withinNeverExtendsTheDeadline() {
        ToolContext longer = context.within(Duration.ofMinutes(5));

        assertThat(longer.deadline()).isEqualTo(context.deadline());
        assertThat(longer.actor()).isEqualTo(context.actor());
    }

    @Test
    void withinAfterTimeHasPassedStillKeepsTheOriginalDeadline() {
        clock.advance(Duration.ofSeconds(8));

        assertThat(context.within(Duration.ofSeconds(5)).deadline()).isEqualTo(START.plusSeconds(10));
    }

    @Test
    void withinAShorterBudgetEndsSooner() {
        clock.advance(Duration.ofSeconds(2));

        ToolContext sub = context.within(Duration.ofSeconds(5));

        assertThat(sub.deadline()).isEqualTo(START.plusSeconds(7));
        assertThat(sub.remaining()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void remainingCountsDownAndNeverGoesNegative() {
        assertThat(context.remaining()).isEqualTo(Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(4));
        assertThat(context.remaining()).isEqualTo(Duration.ofSeconds(6));

        clock.advance(Duration.ofSeconds(60));
        assertThat(context.remaining()).isEqualTo(Duration.ZERO);
    }
}
