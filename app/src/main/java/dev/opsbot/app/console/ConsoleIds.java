package dev.opsbot.app.console;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Message and attachment ids: the time in milliseconds then 64 random bits, both in base 36. Sortable by creation
 * time at a glance and unique across replicas without coordination.
 */
final class ConsoleIds {
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    ConsoleIds(Clock clock) {
        this.clock = clock;
    }

    String next(String prefix) {
        String time = Long.toString(clock.millis(), 36);
        String noise = Long.toUnsignedString(random.nextLong(), 36);
        return prefix + time + "-" + "0".repeat(13 - noise.length()) + noise;
    }
}
