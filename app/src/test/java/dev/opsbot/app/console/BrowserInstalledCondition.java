package dev.opsbot.app.console;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the browser tests, with the reason in the report, where Chromium is not installed. On CI ({@code CI=true})
 * they run anyway, so that {@link BrowserSession#start()} fails them: there a missing browser is a broken setup.
 */
final class BrowserInstalledCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = BrowserSession.missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        }
        if (BrowserSession.onCi()) {
            return ConditionEvaluationResult.enabled("CI=true: a missing browser fails the test");
        }
        return ConditionEvaluationResult.disabled(missing.get());
    }
}
