package dev.opsbot.core.approval;

/**
 * After an action: did it work? Checks that the change took effect and whether the symptom recovered within the
 * configured window, and says so in words for the thread.
 */
@FunctionalInterface
public interface ActionVerifier {
    Verification verify(Proposal proposal, ActionOutcome outcome);

    /** @param recovered true when the symptom recovered; false when it did not, or could not be measured */
    record Verification(boolean recovered, String summary) {}
}
