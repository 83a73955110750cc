package cn.servicemap.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * A full application with the demo region, driven in one desktop-sized Chromium (1280 × 800) per test class; after
 * every test the browser log must hold no SEVERE entry but those a test provokes on purpose
 * ({@link #expectedSevere}). Subclasses choose the database.
 */
@RequiresChromium
@org.springframework.test.context.TestPropertySource(properties = "test.demo-login=true")
public abstract class DesktopBrowserTestBase extends DemoRegionTestBase {

    protected static Browser desktop;

    @BeforeAll
    static void startBrowser() {
        desktop = new Browser(1280, 800, 1);
    }

    @AfterAll
    static void stopBrowser() {
        if (desktop != null) {
            desktop.close();
            desktop = null;
        }
    }

    @AfterEach
    void noSevereBrowserErrors() {
        assertThat(desktop.severe(desktop.log()).stream().filter(m -> !expectedSevere(m)).toList())
                .as("SEVERE browser log entries").isEmpty();
    }

    /** Whether a SEVERE browser log entry is one the test provokes on purpose (none by default). */
    protected boolean expectedSevere(String message) {
        return false;
    }
}
