package cn.servicemap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through its own ChromeDriver, both given by path so that
 * Selenium Manager never looks for (or downloads) a browser: this machine's network reaches only
 * the package registries. A fresh user-data-dir per browser, no background networking (Chromium's
 * calls home are refused here and would flood the log), the browser log collected for SEVERE
 * errors, and screenshots written to backend/target/screenshots/.
 *
 * <p>Paths: {@code SERVICEMAP_CHROMIUM} and {@code SERVICEMAP_CHROMEDRIVER}, default
 * /usr/bin/chromium and /usr/bin/chromedriver (Debian's packages chromium and chromium-driver).
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(env("SERVICEMAP_CHROMIUM", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(env("SERVICEMAP_CHROMEDRIVER", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path userDataDir;

    /** A browser with a window of the given CSS size and device pixel ratio (2 = a HiDPI phone). */
    public Browser(int width, int height, double deviceScaleFactor) {
        try {
            userDataDir = Files.createTempDirectory("servicemap-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--lang=zh-CN",
                "--user-data-dir=" + userDataDir, "--window-size=" + width + "," + height,
                "--force-device-scale-factor=" + deviceScaleFactor);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    /**
     * Makes the page's viewport exactly width × height CSS pixels (Chrome DevTools device metrics):
     * headless Chromium does not make a window narrower than about 500 px, so a 360 px phone needs this.
     */
    public Browser emulateViewport(int width, int height, double deviceScaleFactor, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", deviceScaleFactor, "mobile", mobile));
        return this;
    }

    /** Null when Chromium and ChromeDriver are there, else what is missing. */
    public static String whyNotAvailable() {
        if (!Files.isExecutable(CHROMIUM)) {
            return CHROMIUM + " not found (Debian package chromium)";
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return CHROMEDRIVER + " not found (Debian package chromium-driver)";
        }
        return null;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    public <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition);
    }

    /** Waits until the page says it has finished loading (body[data-state] is no longer "loading"). */
    public String waitForPageState() {
        return waitFor(Duration.ofSeconds(30), d -> {
            Object state = js("return document.body && document.body.dataset.state");
            return state != null && !"loading".equals(state) ? state.toString() : null;
        });
    }

    /** The browser log since the last call (console errors, failed requests, uncaught exceptions). */
    public List<LogEntry> log() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    public List<String> severe(List<LogEntry> entries) {
        return entries.stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** Blocks requests whose URL matches the patterns (Chrome DevTools), e.g. to play "the API is down". */
    public void blockUrls(List<String> patterns) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", patterns));
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(userDataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
