package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.support.Browser;
import cn.servicemap.support.DemoRegionTestBase;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Both pages in a real browser (headless Debian Chromium) over the Nanjing demo region: the
 * offline basemap draws, stations show as markers or clusters with Chinese popups, no SEVERE
 * console errors, a visible Chinese message when the API is down, and the page's GCJ-02 transform
 * agrees with the Java one. Screenshots go to backend/target/screenshots/.
 */
@RequiresChromium
@org.springframework.test.context.TestPropertySource(properties = "test.demo-login=true")
class WebMapBrowserTest extends DemoRegionTestBase {

    private static Browser phone;

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @BeforeAll
    static void startBrowser() {
        phone = new Browser(412, 860, 2); // a common Android phone, HiDPI
    }

    @AfterAll
    static void stopBrowser() {
        if (phone != null) {
            phone.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void shouldDrawTheWorkerPageWithTheOfflineBasemapAndStations() {
        phone.open(url("/"));
        assertThat(phone.waitForPageState()).isEqualTo("ready");
        waitForBasemap(phone);
        assertThat(phone.severe(phone.log())).as("SEVERE browser log entries").isEmpty();

        @SuppressWarnings("unchecked")
        Map<String, Object> canvas = (Map<String, Object>) phone.js(SAMPLE_TILES);
        assertThat(((Number) canvas.get("tiles")).intValue()).as("loaded basemap tiles").isGreaterThan(4);
        assertThat(((Number) canvas.get("roads")).intValue()).as("road features in drawn tiles").isGreaterThan(20);
        assertThat(((Number) canvas.get("nonBackground")).doubleValue()).as("share of pixels that are not background")
                .isGreaterThan(0.15);
        assertThat(((Number) canvas.get("colours")).intValue()).as("distinct colours drawn").isGreaterThan(12);
        assertThat(((Number) canvas.get("pixelWidth")).intValue()).as("HiDPI canvas").isEqualTo(512);
        assertThat(canvas.get("drawnElsewhere")).as("every tile's canvas handed to the drawing worker").isEqualTo(canvas.get("tiles"));
        @SuppressWarnings("unchecked")
        List<Long> statuses = (List<Long>) phone.js("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/api/basemap/')).map(e => e.responseStatus)");
        assertThat(statuses).isNotEmpty().allSatisfy(s -> assertThat(s).isEqualTo(200L));

        int markers = phone.driver().findElements(By.cssSelector(".station-marker")).size();
        int clusters = phone.driver().findElements(By.cssSelector(".station-cluster")).size();
        assertThat(markers + clusters).isPositive();
        assertThat(text(".appbar h1")).isEqualTo("附近驿站");
        assertThat(text(".appbar .region")).contains("南京");
        assertThat(phone.driver().findElement(By.cssSelector(".badge-synthetic")).isDisplayed()).isFalse();
        assertThat(text(".leaflet-control-attribution")).contains("© OpenStreetMap contributors").contains("数据来源");
        assertThat(text(".leaflet-control-scale-line")).matches("\\d+ k?m");
        assertThat(phone.driver().findElement(By.cssSelector(".legend-toggle")).getText()).isEqualTo("图例");
        assertThat(phone.driver().findElement(By.id("nearest-list")).getAttribute("data-mounted")).isEqualTo("ready");
        phone.screenshot("worker-phone");
    }

    @Test
    void shouldShowAStationsChineseNameHoursAndPhoneInItsPopup() {
        JsonNode station = loneliestStation();
        String id = station.get("id").asText();
        String name = station.get("properties").get("name").asText();
        phone.open(url("/"));
        assertThat(phone.waitForPageState()).isEqualTo("ready");
        phone.js("const c = arguments[0]; const v = window.servicemap.view;"
                + "window.servicemap.map.setView(v.toDisplay(c[0], c[1]), 18, {animate: false});",
                List.of(station.get("geometry").get("coordinates").get(0).asDouble(),
                        station.get("geometry").get("coordinates").get(1).asDouble()));
        WebElement marker = phone.waitFor(Duration.ofSeconds(10),
                d -> d.findElements(By.cssSelector(".station-marker[data-station-id='" + id + "']")).stream().findFirst().orElse(null));
        waitForBasemap(phone);
        marker.click();
        // wait for the popup to have faded in: Selenium reads no text from an element at opacity 0
        WebElement popup = phone.waitFor(Duration.ofSeconds(10),
                d -> d.findElements(By.cssSelector(".leaflet-popup .station-details")).stream()
                        .filter(e -> e.findElement(By.cssSelector(".st-name")).isDisplayed()).findFirst().orElse(null));
        assertThat(popup.findElement(By.cssSelector(".st-name")).getText()).isEqualTo(name);
        assertThat(name.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)).isTrue();
        assertThat(popup.getText()).contains("开放时间").containsAnyOf("营业中", "已打烊", "时间未知");
        if (station.get("properties").hasNonNull("phone")) {
            assertThat(popup.findElement(By.cssSelector("a.st-phone")).getAttribute("href")).startsWith("tel:");
        }
        assertThat(phone.severe(phone.log())).isEmpty();
        phone.screenshot("worker-popup");
    }

    @Test
    void shouldDrawThePlannerPage() {
        try (Browser desktop = new Browser(1280, 800, 1)) {
            desktop.open(url("/plan"));
            assertThat(desktop.waitForPageState()).isEqualTo("ready");
            waitForBasemap(desktop);
            assertThat(desktop.severe(desktop.log())).isEmpty();
            assertThat(desktop.driver().findElement(By.cssSelector(".appbar h1")).getText()).isEqualTo("规划");
            assertThat(desktop.driver().findElement(By.id("station-count")).getText()).contains("个站点");
            desktop.waitFor(Duration.ofSeconds(30), d -> desktop.js("return document.body.dataset.coverage"));
            for (String panel : List.of("layers-panel", "gaps-panel", "whatif-panel", "problems-panel", "report-panel")) {
                assertThat(desktop.driver().findElement(By.id(panel)).getAttribute("data-mounted")).isEqualTo("ready");
            }
            assertThat(desktop.driver().findElements(By.cssSelector(".station-marker, .station-cluster"))).isNotEmpty();
            desktop.screenshot("plan-desktop");
        }
        phone.open(url("/plan"));
        assertThat(phone.waitForPageState()).isEqualTo("ready");
        waitForBasemap(phone);
        phone.driver().findElement(By.id("panel-toggle")).click();
        assertThat(phone.driver().findElement(By.id("layers-panel")).isDisplayed()).isTrue();
        assertThat(phone.severe(phone.log())).isEmpty();
        phone.screenshot("plan-phone");
    }

    @Test
    void shouldDrawTheBasemapOnThePageWhenItsWorkerCannotStart() {
        try (Browser noWorker = new Browser(412, 860, 2)) {
            // every worker the page starts fails as it starts (its script throws), as one whose script cannot load would
            noWorker.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                    const failing = URL.createObjectURL(new Blob(['throw new Error("no worker here")'], {type: 'text/javascript'}));
                    window.Worker = class extends Worker { constructor(url, options) { super(failing, options); } };
                    """));
            noWorker.open(url("/"));
            assertThat(noWorker.waitForPageState()).isEqualTo("ready");
            waitForBasemap(noWorker);
            @SuppressWarnings("unchecked")
            Map<String, Object> canvas = (Map<String, Object>) noWorker.js(SAMPLE_TILES);
            assertThat(((Number) canvas.get("tiles")).intValue()).as("loaded basemap tiles").isGreaterThan(4);
            assertThat(((Number) canvas.get("drawnElsewhere")).intValue()).as("canvases handed to a worker").isZero();
            assertThat(((Number) canvas.get("roads")).intValue()).as("road features in drawn tiles").isGreaterThan(20);
            assertThat(((Number) canvas.get("nonBackground")).doubleValue()).as("share of pixels that are not background")
                    .isGreaterThan(0.15);
        }
    }

    @Test
    void shouldSayInChineseWhenTheStationApiIsDown() {
        try (Browser offline = new Browser(412, 860, 2)) {
            offline.blockUrls(List.of("*/api/stations*"));
            offline.open(url("/"));
            assertThat(offline.waitForPageState()).isEqualTo("error");
            WebElement status = offline.driver().findElement(By.id("status"));
            assertThat(status.isDisplayed()).isTrue();
            assertThat(status.getText()).contains("站点数据加载失败").contains("无法连接服务器");
            assertThat(offline.driver().findElement(By.cssSelector(".status-retry")).isDisplayed()).isTrue();
            offline.screenshot("worker-api-down");
        }
    }

    @Test
    void shouldShiftToGcj02InThePageExactlyAsTheJavaImplementationDoes() {
        phone.open(url("/"));
        phone.waitForPageState();
        double[][] points = {{118.784, 32.042}, {118.7781, 32.0437}, {116.3975, 39.9087}, {121.4737, 31.2304},
                {113.2644, 23.1291}, {87.6168, 43.8256}, {126.6424, 45.7567}, {2.35, 48.85}};
        List<List<Double>> input = new ArrayList<>();
        for (double[] p : points) {
            input.add(List.of(p[0], p[1]));
        }
        @SuppressWarnings("unchecked")
        List<List<Number>> out = (List<List<Number>>) phone.jsAsync("const done = arguments[arguments.length - 1];"
                + "import('/js/coords.js').then(m => done(arguments[0].map(p => {"
                + "  const g = m.gcj02FromWgs84(p[0], p[1]); const w = m.wgs84FromGcj02(g[0], g[1]);"
                + "  return [g[0], g[1], w[0], w[1]]; })));", input);
        for (int i = 0; i < points.length; i++) {
            LonLat gcj = ChinaCoordinates.gcj02FromWgs84(points[i][0], points[i][1]);
            LonLat back = ChinaCoordinates.wgs84FromGcj02(gcj.lon(), gcj.lat());
            List<Number> js = out.get(i);
            assertThat(js.get(0).doubleValue()).as("GCJ lon of %s", input.get(i)).isCloseTo(gcj.lon(), within(1e-7));
            assertThat(js.get(1).doubleValue()).as("GCJ lat of %s", input.get(i)).isCloseTo(gcj.lat(), within(1e-7));
            assertThat(js.get(2).doubleValue()).isCloseTo(back.lon(), within(1e-7)).isCloseTo(points[i][0], within(1e-7));
            assertThat(js.get(3).doubleValue()).isCloseTo(back.lat(), within(1e-7)).isCloseTo(points[i][1], within(1e-7));
        }
        // Nanjing really moves (about 500 m), Paris does not.
        assertThat(out.get(0).get(0).doubleValue() - points[0][0]).isGreaterThan(0.004);
        assertThat(out.get(7).get(0).doubleValue()).isEqualTo(2.35);
    }

    private String text(String css) {
        return phone.driver().findElement(By.cssSelector(css)).getText();
    }

    /** The station farthest from its nearest neighbour: its marker stands alone at z18. */
    private JsonNode loneliestStation() {
        JsonNode features = api().get("/api/stations").json().get("features");
        JsonNode best = null;
        double bestDistance = -1;
        for (JsonNode a : features) {
            double nearest = Double.MAX_VALUE;
            for (JsonNode b : features) {
                if (a != b) {
                    double dx = a.get("geometry").get("coordinates").get(0).asDouble() - b.get("geometry").get("coordinates").get(0).asDouble();
                    double dy = a.get("geometry").get("coordinates").get(1).asDouble() - b.get("geometry").get("coordinates").get(1).asDouble();
                    nearest = Math.min(nearest, Math.hypot(dx, dy));
                }
            }
            if (nearest > bestDistance) {
                bestDistance = nearest;
                best = a;
            }
        }
        return best;
    }

    static void waitForBasemap(Browser b) {
        b.waitFor(Duration.ofSeconds(30), d -> Boolean.TRUE.equals(b.js(
                "const t = document.querySelectorAll('.offline-basemap canvas');"
                        + "return t.length > 0 && document.querySelectorAll('.offline-basemap canvas:not(.leaflet-tile-loaded)').length === 0;")));
    }

    /** Samples every drawn basemap tile: how many, road features, share of non-background pixels, colours. */
    static final String SAMPLE_TILES = """
            const tiles = [...document.querySelectorAll('.offline-basemap canvas.leaflet-tile-loaded')];
            let roads = 0, total = 0, non = 0, drawnElsewhere = 0; const colours = new Set();
            for (const c of tiles) {
              roads += Number(c.dataset.roads || 0);
              // a canvas handed to a worker (transferControlToOffscreen) has no context of its own on the page
              try { c.getContext('2d'); } catch (e) { if (e.name === 'InvalidStateError') drawnElsewhere++; }
              // it shows the worker's picture: copy that to read its pixels
              const copy = document.createElement('canvas');
              copy.width = c.width;
              copy.height = c.height;
              const g = copy.getContext('2d');
              g.drawImage(c, 0, 0);
              const d = g.getImageData(0, 0, c.width, c.height).data;
              for (let i = 0; i < d.length; i += 4 * 13) {
                total++;
                if (!(d[i] === 243 && d[i + 1] === 240 && d[i + 2] === 234)) non++;
                colours.add((d[i] >> 4) << 8 | (d[i + 1] >> 4) << 4 | (d[i + 2] >> 4));
              }
            }
            return {tiles: tiles.length, roads, drawnElsewhere, nonBackground: total ? non / total : 0, colours: colours.size,
                    pixelWidth: tiles.length ? tiles[0].width : 0};
            """;
}
