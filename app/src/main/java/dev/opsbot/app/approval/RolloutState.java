package dev.opsbot.app.approval;

import java.util.Objects;

/**
 * What a Deployment's rollout looks like at one moment.
 *
 * @param complete every pod is of the current revision, ready, and none crashed since the action
 * @param failed it cannot complete on its own (its progress deadline passed): no point waiting
 * @param summary in words: {@code 3/3 pods ready on revision 43}, or what is missing
 */
record RolloutState(boolean complete, boolean failed, String summary) {
    RolloutState {
        Objects.requireNonNull(summary, "summary");
    }

    static RolloutState waiting(String summary) {
        return new RolloutState(false, false, summary);
    }
}
