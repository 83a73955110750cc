package cn.servicemap.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives a real browser: Debian's Chromium with its ChromeDriver
 * (scripts/chromium.sh installs them). Without them it is skipped on a developer machine and
 * FAILS when CI=true: in CI a missing browser must never pass as green.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ChromiumCondition.class)
@Tag("browser")
public @interface RequiresChromium {
}
