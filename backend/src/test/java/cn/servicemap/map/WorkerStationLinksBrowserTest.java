package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.support.DesktopBrowserTestBase;
import cn.servicemap.support.TestDatabases;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * On the worker page (a 360 px phone, the Nanjing demo): each of the nearest stations and a station's detail open the
 * walk or the ride in 高德, 百度 and 腾讯地图 with the coordinates each expects (GCJ-02, BD-09, GCJ-02: the same numbers
 * as gis-data's ChinaCoordinates), when someone last confirmed a station open is said in words with the long
 * unverified marked 「长期未核实」, Chrome finds the page installable (its web app manifest), and nothing on the page moves
 * while it starts (the sheet's hint is in index.html where the built one stands).
 */
class WorkerStationLinksBrowserTest extends DesktopBrowserTestBase {

    private static final double LON = WorkerPageBrowserTest.LON;
    private static final double LAT = WorkerPageBrowserTest.LAT;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    /** The base's browser as a 360 px HiDPI phone whose worker allowed 定位, standing at (LON, LAT). */
    @BeforeEach
    void phoneAtTheWorkersPosition() {
        desktop.emulateViewport(360, 740, 2, true);
        desktop.driver().executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", "http://localhost:" + port(), "permissions", List.of("geolocation")));
        desktop.driver().executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", LAT, "longitude", LON, "accuracy", 15));
    }

    @Test
    void shouldOpenTheWalkOrTheRideInTheMapAppsWithTheCoordinatesEachExpects() {
        List<WebElement> rows = locate();
        JsonNode nearest = api().get("/api/nearest?lon=" + LON + "&lat=" + LAT + "&profile=WALK&k=5").json();
        for (int i = 0; i < rows.size(); i++) {
            assertMapApps(rows.get(i), nearest.get("stations").get(i).get("station"), "WALK", true);
        }
        desktop.screenshot("worker-map-apps");

        // 电动自行车: the same stations ridden
        desktop.driver().findElement(By.cssSelector("[data-profile='EBIKE']")).click();
        desktop.waitFor(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector(".nearest-row .map-app[data-mode='EBIKE']")).size() == 15);
        JsonNode ridden = api().get("/api/nearest?lon=" + LON + "&lat=" + LAT + "&profile=EBIKE&k=5").json();
        rows = desktop.driver().findElements(By.cssSelector(".nearest-row"));
        assertMapApps(rows.get(0), ridden.get("stations").get(0).get("station"), "EBIKE", true);

        // a station's detail has them too
        rows.get(0).findElement(By.cssSelector(".nr-detail")).click();
        WebElement detail = desktop.waitFor(Duration.ofSeconds(10), d -> {
            WebElement e = d.findElement(By.id("station-detail"));
            return e.isDisplayed() && !e.findElements(By.cssSelector(".map-apps")).isEmpty() ? e : null;
        });
        assertMapApps(detail, ridden.get("stations").get(0).get("station"), "EBIKE", true);
        desktop.screenshot("worker-detail-map-apps");
    }

    /** The page's WGS84 → BD-09 is the Java one (the GCJ-02 part is compared in WebMapBrowserTest). */
    @Test
    void shouldConvertToBaiduCoordinatesAsTheBackendDoes() {
        openPage();
        double[][] points = {{118.7785, 32.042}, {116.3975, 39.9087}, {121.4737, 31.2304}, {113.2644, 23.1291}, {87.6168, 43.8256},
                {126.5349, 45.8038}, {2.35, 48.85}};
        List<List<Double>> input = new ArrayList<>();
        for (double[] p : points) {
            input.add(List.of(p[0], p[1]));
        }
        @SuppressWarnings("unchecked")
        List<List<Number>> out = (List<List<Number>>) desktop.jsAsync("const done = arguments[arguments.length - 1];"
                + "import('/js/coords.js').then(m => done(arguments[0].map(p => m.bd09FromWgs84(p[0], p[1]))));", input);
        for (int i = 0; i < points.length; i++) {
            LonLat bd = ChinaCoordinates.bd09FromWgs84(points[i][0], points[i][1]);
            assertThat(out.get(i).get(0).doubleValue()).as("BD-09 lon of %s", input.get(i)).isCloseTo(bd.lon(), within(1e-9));
            assertThat(out.get(i).get(1).doubleValue()).as("BD-09 lat of %s", input.get(i)).isCloseTo(bd.lat(), within(1e-9));
        }
    }

    @Test
    void shouldSayWhenSomeoneLastConfirmedAStationOpenAndMarkTheLongUnverified() {
        JsonNode nearest = api().get("/api/nearest?lon=" + LON + "&lat=" + LAT + "&profile=WALK&k=5").json().get("stations");
        LocalDate today = LocalDate.now(SHANGHAI);
        setVerifiedAt(nearest.get(0).get("id").asText(), today.minusDays(3));
        setVerifiedAt(nearest.get(1).get("id").asText(), today.minusDays(200));
        setVerifiedAt(nearest.get(2).get("id").asText(), today);
        // the fourth and fifth were never confirmed (the demo's stations carry no date)

        List<WebElement> rows = locate();
        assertThat(verified(rows.get(0))).isEqualTo("3 天前有人确认开放");
        assertThat(rows.get(0).findElement(By.cssSelector(".st-verified")).getAttribute("data-stale")).isEqualTo("false");
        assertThat(verified(rows.get(1))).isEqualTo("长期未核实 · 6 个月前有人确认开放");
        assertThat(rows.get(1).findElement(By.cssSelector(".st-verified")).getAttribute("data-stale")).isEqualTo("true");
        assertThat(rows.get(1).findElement(By.cssSelector(".st-stale")).getText()).as("in words, not colour alone").isEqualTo("长期未核实");
        assertThat(verified(rows.get(2))).isEqualTo("今天有人确认开放");
        assertThat(verified(rows.get(3))).isEqualTo("长期未核实 · 还没有人确认过开放");
        desktop.screenshot("worker-verified-at");

        rows.get(1).findElement(By.cssSelector(".nr-detail")).click();
        WebElement detail = desktop.waitFor(Duration.ofSeconds(10), d -> {
            WebElement e = d.findElement(By.id("station-detail"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(detail.findElement(By.cssSelector(".st-verified")).getText()).isEqualTo("长期未核实 · 6 个月前有人确认开放");

        // the words at their edges (verified.js, with "today" given)
        @SuppressWarnings("unchecked")
        Map<String, Object> words = (Map<String, Object>) desktop.jsAsync("const done = arguments[arguments.length - 1];"
                + "import('/js/verified.js').then(m => { const t = '2026-11-23'; const w = (d) => { const x = m.verifiedWords(d, t);"
                + "  return x.text + (x.stale ? ' (stale)' : ''); };"
                + "  done({today: w('2026-11-23'), yesterday: w('2026-11-22'), d29: w('2026-10-25'), d30: w('2026-10-24'),"
                + "    d180: w('2026-05-27'), d181: w('2026-05-26'), future: w('2026-11-30'), never: w(null), bad: w('soon'),"
                + "    stamp: w('2026-11-20T09:00:00+08:00'), limit: m.STALE_AFTER_DAYS}); });");
        assertThat(words).containsEntry("today", "今天有人确认开放").containsEntry("yesterday", "昨天有人确认开放")
                .containsEntry("d29", "29 天前有人确认开放").containsEntry("d30", "1 个月前有人确认开放")
                .containsEntry("d180", "6 个月前有人确认开放").containsEntry("d181", "6 个月前有人确认开放 (stale)")
                .containsEntry("future", "今天有人确认开放").containsEntry("never", "还没有人确认过开放 (stale)")
                .containsEntry("bad", "还没有人确认过开放 (stale)").containsEntry("stamp", "3 天前有人确认开放");
        assertThat(((Number) words.get("limit")).intValue()).isEqualTo(180);
    }

    @Test
    void shouldBeInstallableOnAPhonesHomeScreen() {
        openPage();
        @SuppressWarnings("unchecked")
        Map<String, Object> installable = desktop.driver().executeCdpCommand("Page.getInstallabilityErrors", Map.of());
        assertThat((List<?>) installable.get("installabilityErrors")).as("Chrome's installability errors").isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = desktop.driver().executeCdpCommand("Page.getAppManifest", Map.of());
        assertThat((String) manifest.get("url")).endsWith("/manifest.webmanifest");
        assertThat((List<?>) manifest.get("errors")).isEmpty();
    }

    @Test
    void shouldShowTheHintFromTheFirstPaintAndMoveNothingWhileThePageStarts() {
        openPage();
        WebMapBrowserTest.waitForBasemap(desktop);
        // the layout shifts the page had, as Chrome counts them for CLS (a worker who has not touched it yet)
        Number shifted = (Number) desktop.jsAsync("const done = arguments[arguments.length - 1]; let sum = 0;"
                + "new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; })"
                + "  .observe({type: 'layout-shift', buffered: true});"
                + "setTimeout(() => done(sum), 300);");
        assertThat(shifted.doubleValue()).as("cumulative layout shift while the page started").isLessThan(0.01);
        // index.html's hint is the one features/nearest.js shows
        String placeholder = (String) desktop.jsAsync("const done = arguments[arguments.length - 1];"
                + "fetch('/').then(r => r.text()).then(t => done(new DOMParser().parseFromString(t, 'text/html')"
                + "  .querySelector('#nearest-list .sheet-placeholder').textContent.trim()));");
        assertThat(desktop.driver().findElement(By.id("nearest-message")).getText()).isEqualTo(placeholder);
    }

    // --- helpers -------------------------------------------------------------------------

    /**
     * The element's three map links: the station's converted coordinates, the mode of the profile, the worker's position
     * as the start (when there is one), opened apart from the page and named for a screen reader.
     */
    private void assertMapApps(WebElement scope, JsonNode station, String profile, boolean withStart) {
        String name = station.get("properties").get("name").asText();
        double lon = station.get("geometry").get("coordinates").get(0).asDouble();
        double lat = station.get("geometry").get("coordinates").get(1).asDouble();
        LonLat gcj = ChinaCoordinates.gcj02FromWgs84(lon, lat);
        LonLat bd = ChinaCoordinates.bd09FromWgs84(lon, lat);
        boolean walk = "WALK".equals(profile);
        WebElement group = scope.findElement(By.cssSelector(".map-apps"));
        assertThat(group.getAttribute("aria-label")).isEqualTo("用地图 App 导航");
        assertThat(group.getText()).contains("用地图 App 导航");
        Map<String, WebElement> links = new LinkedHashMap<>();
        for (WebElement a : group.findElements(By.cssSelector("a.map-app"))) {
            links.put(a.getAttribute("data-app"), a);
            assertThat(a.getAttribute("rel")).isEqualTo("noopener");
            assertThat(a.getAttribute("target")).isEqualTo("_blank");
            assertThat(a.getAttribute("aria-label")).contains(walk ? "步行" : "骑行").endsWith("导航到" + name);
            assertThat(a.getRect().getHeight()).as("a thumb can hit it").isGreaterThanOrEqualTo(44);
        }
        assertThat(links.keySet()).containsExactly("amap", "baidu", "qq");

        Map<String, String> amap = query(links.get("amap").getAttribute("href"), "https://uri.amap.com/navigation");
        assertThat(amap).containsEntry("mode", walk ? "walk" : "ride").containsEntry("coordinate", "gaode").containsEntry("callnative", "1")
                .containsKey("src");
        String[] to = amap.get("to").split(",", 3);
        assertLonLat(to[0], to[1], gcj, "高德 to");
        assertThat(to[2]).isEqualTo(name);

        Map<String, String> baidu = query(links.get("baidu").getAttribute("href"), "https://api.map.baidu.com/direction");
        assertThat(baidu).containsEntry("mode", walk ? "walking" : "riding").containsEntry("coord_type", "bd09ll")
                .containsEntry("output", "html").containsKey("src");
        String[] destination = baidu.get("destination").split("\\|");
        String[] latLng = destination[0].replace("latlng:", "").split(",");
        assertLonLat(latLng[1], latLng[0], bd, "百度 destination");
        assertThat(destination[1]).isEqualTo("name:" + name);

        Map<String, String> qq = query(links.get("qq").getAttribute("href"), "https://apis.map.qq.com/uri/v1/routeplan");
        assertThat(qq).containsEntry("type", walk ? "walk" : "bike").containsEntry("to", name).containsKey("referer");
        String[] tocoord = qq.get("tocoord").split(",");
        assertLonLat(tocoord[1], tocoord[0], gcj, "腾讯 tocoord");

        if (withStart) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) desktop.js("return window.servicemap.nearest.position");
            double fromLon = ((Number) p.get("lon")).doubleValue();
            double fromLat = ((Number) p.get("lat")).doubleValue();
            String[] from = amap.get("from").split(",", 3);
            assertLonLat(from[0], from[1], ChinaCoordinates.gcj02FromWgs84(fromLon, fromLat), "高德 from");
            String[] origin = baidu.get("origin").split("\\|")[0].replace("latlng:", "").split(",");
            assertLonLat(origin[1], origin[0], ChinaCoordinates.bd09FromWgs84(fromLon, fromLat), "百度 origin");
            String[] fromcoord = qq.get("fromcoord").split(",");
            assertLonLat(fromcoord[1], fromcoord[0], ChinaCoordinates.gcj02FromWgs84(fromLon, fromLat), "腾讯 fromcoord");
        }
    }

    private static void assertLonLat(String lon, String lat, LonLat expected, String what) {
        // six decimals in the link: within half a millionth of a degree (about 5 cm)
        assertThat(Double.parseDouble(lon)).as(what + " lon").isCloseTo(expected.lon(), within(5.1e-7));
        assertThat(Double.parseDouble(lat)).as(what + " lat").isCloseTo(expected.lat(), within(5.1e-7));
    }

    /** The link's query parameters, decoded, after checking where it goes. */
    private static Map<String, String> query(String href, String base) {
        assertThat(href).startsWith(base + "?");
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(href).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String verified(WebElement row) {
        return row.findElement(By.cssSelector(".st-verified")).getText().trim();
    }

    /** Replaces a station with itself confirmed open on that date (PUT needs every field; the others stay as they are). */
    private void setVerifiedAt(String id, LocalDate date) {
        JsonNode station = api().get("/api/stations/" + id).json();
        JsonNode p = station.get("properties");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", p.get("name").asText());
        body.put("kind", p.get("kind").asText());
        body.put("lon", station.get("geometry").get("coordinates").get(0).decimalValue());
        body.put("lat", station.get("geometry").get("coordinates").get(1).decimalValue());
        for (String field : List.of("address", "phone", "hostOrg", "operatingUnion", "status", "statusReason", "source")) {
            body.put(field, p.hasNonNull(field) ? p.get(field).asText() : null);
        }
        body.put("openingHours", p.hasNonNull("openingHours") ? p.get("openingHours").get("osm").asText() : null);
        List<String> services = new ArrayList<>();
        p.get("services").forEach(s -> services.add(s.get("code").asText()));
        body.put("services", services);
        body.put("capacity", p.hasNonNull("capacity") ? p.get("capacity").asInt() : null);
        body.put("verifiedAt", date.toString());
        var answer = api().put("/api/stations/" + id, body, Map.of("If-Match", "\"" + p.get("version").asInt() + "\""));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(api().get("/api/stations/" + id).json().get("properties").get("verifiedAt").asText()).isEqualTo(date.toString());
    }

    /** Opens the page at the worker's position (geolocation granted), taps 定位 and waits for the five nearest. */
    private List<WebElement> locate() {
        openPage();
        desktop.driver().findElement(By.id("locate")).click();
        return desktop.waitFor(Duration.ofSeconds(20), d -> {
            List<WebElement> rows = d.findElements(By.cssSelector(".nearest-row"));
            return rows.size() == 5 && "ready".equals(desktop.js("return document.getElementById('nearest-list').dataset.state"))
                    && d.findElements(By.cssSelector(".nearest-row .map-apps")).size() == 5 ? rows : null;
        });
    }

    private void openPage() {
        desktop.open("http://localhost:" + port() + "/");
        assertThat(desktop.waitForPageState()).isEqualTo("ready");
        desktop.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("nearest-list")).getAttribute("data-mounted") != null);
    }
}
