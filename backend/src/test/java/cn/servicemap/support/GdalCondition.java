package cn.servicemap.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link RequiresGdal}. */
class GdalCondition implements ExecutionCondition {

    static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    static final Path OGR2OGR = Path.of("/usr/bin/ogr2ogr");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(OGRINFO) && Files.isExecutable(OGR2OGR)) {
            return ConditionEvaluationResult.enabled("GDAL is installed");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but GDAL's ogrinfo/ogr2ogr are missing. Run the tests with scripts/test.sh, which "
                    + "installs gdal-bin.");
        }
        return ConditionEvaluationResult.disabled("GDAL (gdal-bin) is not installed; run scripts/test.sh to include the GDAL tests");
    }
}
