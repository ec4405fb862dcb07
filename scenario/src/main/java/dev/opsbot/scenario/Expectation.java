package dev.opsbot.scenario;

import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.ObjectRef;
import java.util.Objects;
import java.util.Optional;

/**
 * What triage should answer first for a scenario ({@code expect:} in scenario.yaml): the cause and, unless the
 * answer is that nothing is wrong, the culprit. The scenario suite asserts the top-ranked hypothesis against it.
 */
public record Expectation(Cause cause, Optional<ObjectRef> culprit) {
    public Expectation {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(culprit, "culprit");
    }
}
