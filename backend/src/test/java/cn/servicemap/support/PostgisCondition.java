package cn.servicemap.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link RequiresPostgis}. */
class PostgisCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestDatabases.postgisAvailable()) {
            return ConditionEvaluationResult.enabled("PostGIS is running");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but PostGIS is not available, so the PostGIS tests cannot run: "
                    + TestDatabases.whyNoPostgis() + ". Run the tests with scripts/test.sh, which starts PostGIS.");
        }
        return ConditionEvaluationResult.disabled("PostGIS not available (" + TestDatabases.whyNoPostgis()
                + "); run scripts/test.sh to include the PostGIS tests");
    }
}
