package dev.opsbot.tools.actions;

import dev.opsbot.core.triage.FieldChange;
import dev.opsbot.tools.kubernetes.internal.RolloutHistory;
import java.util.List;

/** What a template change does, in the words of a thread: {@code memory limit 128Mi -> 512Mi}. */
final class Changes {
    private static final int SHOWN = 2;

    private Changes() {}

    static String describe(List<FieldChange> changes) {
        return RolloutHistory.describe(changes, SHOWN)
                .replace("resources.limits.memory", "memory limit")
                .replace("resources.requests.memory", "memory request")
                .replace("resources.limits.cpu", "CPU limit")
                .replace("resources.requests.cpu", "CPU request");
    }
}
