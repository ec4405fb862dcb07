package dev.opsbot.core.approval;

import java.util.Objects;

/**
 * What an action did.
 *
 * @param succeeded whether the action tool reports success
 * @param summary what it did or why it failed, in words for the thread ("Deployment shop/checkout rolled back to
 *     revision 41")
 */
public record ActionOutcome(boolean succeeded, String summary) {
    public ActionOutcome {
        Objects.requireNonNull(summary, "summary");
    }

    public static ActionOutcome done(String summary) {
        return new ActionOutcome(true, summary);
    }

    public static ActionOutcome failed(String summary) {
        return new ActionOutcome(false, summary);
    }
}
