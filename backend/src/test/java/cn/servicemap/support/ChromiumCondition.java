package cn.servicemap.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link RequiresChromium}. */
class ChromiumCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = Browser.whyNotAvailable();
        if (missing == null) {
            return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but the browser tests cannot run: " + missing
                    + ". Run the tests with scripts/test.sh, which installs Chromium (scripts/chromium.sh).");
        }
        return ConditionEvaluationResult.disabled(missing + "; run scripts/chromium.sh (or scripts/test.sh) to include the browser tests");
    }
}
