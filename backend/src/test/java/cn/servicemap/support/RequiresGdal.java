package cn.servicemap.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that reads the running app with GDAL's command-line tools (ogrinfo, ogr2ogr from Debian's gdal-bin,
 * which scripts/test.sh installs). Without them it is skipped on a developer machine and FAILS when CI=true.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(GdalCondition.class)
public @interface RequiresGdal {
}
