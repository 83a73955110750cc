package cn.servicemap.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against the real PostGIS cluster. Without PostGIS it is skipped on a
 * developer machine and FAILS when CI=true: in CI a missing PostGIS must never pass as green.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgisCondition.class)
public @interface RequiresPostgis {
}
