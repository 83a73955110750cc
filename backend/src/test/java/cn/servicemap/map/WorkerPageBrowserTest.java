package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Api;
import cn.servicemap.support.Browser;
import cn.servicemap.support.DemoRegionTestBase;
import cn.servicemap.support.FixedClockConfig;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The worker page on a 360 px phone in real Chromium over the Nanjing demo (clock: Monday 10:00):
 * 定位 through the browser's geolocation (overridden with Chrome DevTools) or a tap on the map, the
 * five nearest stations by walking time with the route on the map, list and map in sync, the
 * service and kind filters, when a station is needed (不限 / 现在营业 / 某时营业 at a time of day, with the
 * phone's clock set to the server's), the messages for "outside the region" and "nothing matches", and
 * 报告问题. Screenshots of every state go to backend/target/screenshots/.
 */
@RequiresChromium
@org.springframework.test.context.TestPropertySource(properties = "test.demo-login=true")
class WorkerPageBrowserTest extends DemoRegionTestBase {

    /** On 东铁管巷 in the Xinjiekou core, a few metres from the road. */
    static final double LON = 118.7785;
    static final double LAT = 32.042;

    private static Browser phone;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @BeforeAll
    static void startBrowser() {
        phone = new Browser(360, 740, 2).emulateViewport(360, 740, 2, true);
    }

    @AfterAll
    static void stopBrowser() {
        if (phone != null) {
            phone.close();
        }
    }

    @AfterEach
    void noSevereBrowserErrors() {
        assertThat(phone.severe(phone.log())).as("SEVERE browser log entries").isEmpty();
    }

    @Test
    void shouldLocateAndListTheFiveNearestStationsByWalkingTimeWithTheRouteOnTheMap() {
        openAt(LON, LAT);
        phone.driver().findElement(By.id("locate")).click();
        List<WebElement> rows = waitForRows(5);
        phone.screenshot("worker-nearest");

        List<Double> minutes = rows.stream().map(r -> Double.parseDouble(r.getAttribute("data-minutes"))).toList();
        assertThat(minutes).hasSize(5).isSorted();
        JsonNode api = api().get("/api/nearest?lon=" + LON + "&lat=" + LAT + "&profile=WALK&k=5").json();
        List<String> apiIds = new ArrayList<>();
        api.get("stations").forEach(s -> apiIds.add(s.get("id").asText()));
        assertThat(rows.stream().map(r -> r.getAttribute("data-station-id")).toList()).isEqualTo(apiIds);
        for (int i = 0; i < rows.size(); i++) {
            WebElement row = rows.get(i);
            JsonNode s = api.get("stations").get(i);
            assertThat(row.findElement(By.cssSelector(".nr-title")).getText()).isEqualTo(s.get("station").get("properties").get("name").asText());
            assertThat(row.findElement(By.cssSelector(".nr-minutes")).getText()).endsWith("分钟");
            assertThat(row.findElement(By.cssSelector(".nr-meters")).getText()).isEqualTo(s.get("meters").asLong() + " 米");
            assertThat(row.findElement(By.cssSelector(".st-open")).getText()).isIn("营业中", "已打烊", "时间未知");
            assertThat(row.findElements(By.cssSelector(".svc svg.svc-icon")))
                    .hasSize(s.get("station").get("properties").get("services").size());
        }
        // Monday 10:00: the fixed clock decides open now exactly as the API does
        String firstOpen = api.get("stations").get(0).get("station").get("properties").get("openNow").asText();
        assertThat(rows.get(0).findElement(By.cssSelector(".st-open")).getText())
                .isEqualTo(switch (firstOpen) { case "true" -> "营业中"; case "false" -> "已打烊"; default -> "时间未知"; });

        // the nearest is chosen: its row, its marker and its route
        assertThat(rows.get(0).getAttribute("aria-selected")).isEqualTo("true");
        assertSelectedOnMap(apiIds.get(0), api.get("stations").get(0));
        assertThat(phone.driver().findElements(By.cssSelector("path.me-marker"))).hasSize(1);

        // choosing the third row moves the highlight and redraws the route to it
        rows.get(2).click();
        phone.waitFor(Duration.ofSeconds(5), d -> "true".equals(rows.get(2).getAttribute("aria-selected")));
        assertSelectedOnMap(apiIds.get(2), api.get("stations").get(2));
        assertThat(rows.get(0).getAttribute("aria-selected")).isEqualTo("false");
        phone.screenshot("worker-route-third");

        // tapping the second station's marker chooses its row
        phone.js("document.querySelector(\".station-marker[data-station-id='\" + arguments[0] + \"']\").click()", apiIds.get(1));
        phone.waitFor(Duration.ofSeconds(5), d -> "true".equals(rows.get(1).getAttribute("aria-selected")));
        assertSelectedOnMap(apiIds.get(1), api.get("stations").get(1));
        assertThat(phone.driver().findElements(By.cssSelector(".leaflet-popup"))).as("a listed marker chooses, no popup").isEmpty();

        // phone first: nothing wider than the screen, every control a thumb can hit
        assertThat(((Number) phone.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(360);
        assertThat(smallTouchTargets()).as("touch targets under 44 px").isEmpty();
    }

    @Test
    void shouldFilterByServiceOnTheListAndTheMapAndSayWhenNothingMatches() {
        openAt(LON, LAT);
        // tap the map instead of 定位: the centre of the map
        centreMapOn(LON, LAT);
        new Actions(phone.driver()).moveToElement(phone.driver().findElement(By.id("map"))).click().perform();
        waitForRows(5);

        new Select(phone.driver().findElement(By.id("filter-service"))).selectByVisibleText("图书");
        phone.waitFor(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(phone.js(
                "const r = [...document.querySelectorAll('.nearest-row')];"
                        + "return r.length > 0 && r.every(x => x.dataset.services.split(',').includes('BOOKS'));")));
        List<WebElement> rows = phone.driver().findElements(By.cssSelector(".nearest-row"));
        assertThat(rows).isNotEmpty();
        for (WebElement row : rows) {
            assertThat(row.findElements(By.cssSelector(".svc[title='图书']"))).as("every listed station offers 图书").hasSize(1);
        }
        JsonNode books = api().get("/api/stations?service=BOOKS").json().get("features");
        List<String> bookIds = new ArrayList<>();
        books.forEach(f -> bookIds.add(f.get("id").asText()));
        assertThat(rows.stream().map(r -> r.getAttribute("data-station-id")).toList()).allSatisfy(id -> assertThat(bookIds).contains(id));
        @SuppressWarnings("unchecked")
        List<Object> onMap = (List<Object>) phone.js("return window.servicemap.stations.items.map(i => String(i.feature.id))");
        assertThat(onMap).as("markers follow the filter").containsExactlyInAnyOrderElementsOf(bookIds);
        phone.screenshot("worker-filter-books");

        // a kind without any book corner: nothing matches, said plainly, with a way back
        new Select(phone.driver().findElement(By.id("filter-kind"))).selectByVisibleText("法律援助站");
        WebElement message = phone.waitFor(Duration.ofSeconds(10), d -> {
            WebElement m = d.findElement(By.id("nearest-message"));
            return "empty".equals(m.getAttribute("data-kind")) ? m : null;
        });
        assertThat(message.getText()).contains("没有符合筛选条件的驿站");
        assertThat(phone.driver().findElements(By.cssSelector(".nearest-row"))).isEmpty();
        phone.screenshot("worker-filter-empty");
        phone.driver().findElement(By.id("clear-filters")).click();
        waitForRows(5);
    }

    @Test
    void shouldListAndMapOnlyTheStationsOpenAtATimeTheWorkerPicks() {
        // the phone's clock at the server's "now", Monday 2026-11-23 10:00 in Shanghai: 23:00 is still ahead, 04:30 is not
        String clock = setPhoneClock(FixedClockConfig.NOW);
        try {
            openAt(LON, LAT);
            centreMapOn(LON, LAT);
            new Actions(phone.driver()).moveToElement(phone.driver().findElement(By.id("map"))).click().perform();
            waitForRows(5);
            String where = tappedPosition();
            Set<String> all = markers();
            assertThat(all).hasSize(api().get("/api/stations").json().get("features").size());

            // 现在营业: as the checkbox did — openNow=true on the list, each station's openNow on the markers
            new Select(phone.driver().findElement(By.id("filter-when"))).selectByVisibleText("现在营业");
            assertThat(phone.driver().findElement(By.id("filter-at-row")).isDisplayed()).isFalse();
            List<WebElement> rows = waitForList("", api().get("/api/nearest?" + where + "&openNow=true").json());
            rows.forEach(r -> assertThat(r.findElement(By.cssSelector(".st-open")).getText()).isEqualTo("营业中"));
            Set<String> openNow = openIds("/api/stations/compact?openNow=true");
            assertThat(markers()).as("markers open now").isEqualTo(openNow);

            // 某时营业: the next full hour to start with, then 23:00 today — the demo's 24-hour stations only
            new Select(phone.driver().findElement(By.id("filter-when"))).selectByVisibleText("某时营业");
            assertThat(phone.driver().findElement(By.id("filter-at-row")).isDisplayed()).isTrue();
            assertThat(phone.driver().findElement(By.id("filter-time")).getAttribute("value")).isEqualTo("11:00");
            assertThat(new Select(phone.driver().findElement(By.id("filter-day"))).getFirstSelectedOption().getText()).isEqualTo("今天");
            setTime("23:00");
            String night = "2026-11-23T23:00";
            JsonNode atNight = api().get("/api/nearest?" + where + "&at=" + night).json();
            assertThat(atNight.hasNonNull("calendarNote")).as("2026 is in the holiday calendar").isFalse();
            rows = waitForList(night, atNight);
            assertThat(rows).isNotEmpty();
            rows.forEach(r -> assertThat(r.findElement(By.cssSelector(".st-open")).getText()).isEqualTo("23:00 营业"));
            Set<String> openAtNight = openIds("/api/stations/compact?openNow=true&at=" + night);
            waitForMarkers(night, openAtNight);
            assertThat(openAtNight).as("some stations open at 23:00, fewer than at 10:00").isNotEmpty().hasSizeLessThan(openNow.size());
            assertThat(rowIds(atNight)).as("the stations nearest at 23:00 are not the nearest at any time")
                    .isNotEqualTo(rowIds(api().get("/api/nearest?" + where).json()));
            assertThat(phone.driver().findElement(By.id("nearest-calendar-note")).isDisplayed()).isFalse();
            phone.screenshot("worker-open-at-night");

            // phone first with the time row showing too
            assertThat(((Number) phone.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(360);
            assertThat(smallTouchTargets()).as("touch targets under 44 px").isEmpty();
            assertThat(phone.js("return document.getElementById('filter-time').labels[0].textContent")).isEqualTo("营业时间");

            // a station's details say it too, beside open now
            rows.get(0).findElement(By.cssSelector(".nr-detail")).click();
            WebElement detail = phone.waitFor(Duration.ofSeconds(5), d -> {
                WebElement e = d.findElement(By.id("station-detail"));
                return e.isDisplayed() ? e : null;
            });
            assertThat(detail.findElement(By.cssSelector(".st-open-at")).getText()).isEqualTo("23:00 营业");
            detail.findElement(By.cssSelector(".detail-back")).click();

            // 04:30 has passed today: tomorrow's, 明天 04:30
            setTime("04:30");
            String early = "2026-11-24T04:30";
            rows = waitForList(early, api().get("/api/nearest?" + where + "&at=" + early).json());
            assertThat(new Select(phone.driver().findElement(By.id("filter-day"))).getFirstSelectedOption().getText()).isEqualTo("明天");
            assertThat((Boolean) phone.js("return document.querySelector('#filter-day option[value=today]').disabled")).isTrue();
            rows.forEach(r -> assertThat(r.findElement(By.cssSelector(".st-open")).getText()).isEqualTo("明天 04:30 营业"));
            waitForMarkers(early, openIds("/api/stations/compact?openNow=true&at=" + early));
            phone.screenshot("worker-open-at-early");

            // back to 现在营业: as before; 不限: every station again
            new Select(phone.driver().findElement(By.id("filter-when"))).selectByVisibleText("现在营业");
            rows = waitForList("", api().get("/api/nearest?" + where + "&openNow=true").json());
            rows.forEach(r -> assertThat(r.findElement(By.cssSelector(".st-open")).getText()).isEqualTo("营业中"));
            assertThat(markers()).isEqualTo(openNow);
            new Select(phone.driver().findElement(By.id("filter-when"))).selectByVisibleText("不限时间");
            waitForList("", api().get("/api/nearest?" + where).json());
            assertThat(markers()).isEqualTo(all);
        } finally {
            resetPhoneClock(clock);
        }
    }

    @Test
    void shouldSayWhenTheChosenTimeFallsInAYearTheHolidayCalendarDoesNotKnow() {
        // New Year's Eve 22:00: 04:30 is tomorrow, 1 January 2027, and the calendar holds 2025–2026
        String clock = setPhoneClock(LocalDateTime.of(2026, 12, 31, 22, 0));
        try {
            openAt(LON, LAT);
            phone.driver().findElement(By.id("locate")).click();
            waitForRows(5);
            new Select(phone.driver().findElement(By.id("filter-when"))).selectByVisibleText("某时营业");
            setTime("04:30");
            String at = "2027-01-01T04:30";
            JsonNode api = api().get("/api/nearest?lon=" + LON + "&lat=" + LAT + "&profile=WALK&k=5&at=" + at).json();
            assertThat(api.get("calendarNote").asText()).contains("2027");
            waitForList(at, api);
            WebElement note = phone.driver().findElement(By.id("nearest-calendar-note"));
            assertThat(note.isDisplayed()).isTrue();
            assertThat(note.getText()).startsWith("节假日安排只载入了").contains("2027-01-01").doesNotContain("holiday calendar");
            phone.screenshot("worker-open-at-calendar-note");
        } finally {
            resetPhoneClock(clock);
        }
    }

    @Test
    void shouldSayClearlyWhenThePositionIsOutsideTheRegion() {
        openAt(116.3975, 39.9087); // Beijing
        phone.driver().findElement(By.id("locate")).click();
        WebElement message = phone.waitFor(Duration.ofSeconds(10), d -> {
            WebElement m = d.findElement(By.id("nearest-message"));
            return "error".equals(m.getAttribute("data-kind")) ? m : null;
        });
        assertThat(message.getText()).contains("不在").contains("南京新街口核心区").contains("点按区域内的位置");
        assertThat(phone.driver().findElements(By.cssSelector(".nearest-row"))).isEmpty();
        phone.screenshot("worker-outside-region");
    }

    @Test
    void shouldShowAStationsDetailsAndSendAProblemReport() {
        openAt(LON, LAT);
        phone.driver().findElement(By.id("locate")).click();
        List<WebElement> rows = waitForRows(5);
        String id = rows.get(0).getAttribute("data-station-id");
        JsonNode station = api().get("/api/stations/" + id).json();
        rows.get(0).findElement(By.cssSelector(".nr-detail")).click();
        WebElement detail = phone.waitFor(Duration.ofSeconds(5), d -> {
            WebElement e = d.findElement(By.id("station-detail"));
            return e.isDisplayed() ? e : null;
        });
        String text = detail.getText();
        JsonNode p = station.get("properties");
        assertThat(text).contains(p.get("name").asText()).contains(p.get("kindName").asText())
                .contains("开放时间").contains(p.get("openingHours").get("text").asText())
                .contains("进入方式").contains(p.get("access").get("entryText").asText())
                .contains(p.get("access").get("seats").asText() + " 个座位").contains("地址").contains("依托单位").contains("报告问题");
        if (p.hasNonNull("hostOrg")) {
            assertThat(text).contains(p.get("hostOrg").asText());
        }
        p.get("services").forEach(s -> assertThat(text).contains(s.get("name").asText()));
        assertThat(detail.findElements(By.cssSelector(".report-type"))).extracting(WebElement::getText)
                .containsExactly("已关闭", "没有水", "位置变了", "其他");
        phone.screenshot("worker-station-detail");

        detail.findElement(By.cssSelector("input[value='NO_WATER']")).click();
        detail.findElement(By.cssSelector("textarea[name='note']")).sendKeys("饮水机没有热水");
        detail.findElement(By.cssSelector(".report-submit")).click();
        WebElement done = phone.waitFor(Duration.ofSeconds(10), d -> {
            WebElement e = d.findElement(By.cssSelector(".report-done"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(done.getText()).contains("已收到您的报告").contains("没有水");
        phone.screenshot("worker-report-sent");

        JsonNode reports = api().get("/api/reports?status=OPEN").json().get("reports");
        JsonNode mine = null;
        for (JsonNode r : reports) {
            if (r.get("id").asText().equals(done.getAttribute("data-report-id"))) {
                mine = r;
            }
        }
        assertThat(mine).as("the report the page confirmed is listed as OPEN").isNotNull();
        assertThat(mine.get("stationId").asText()).isEqualTo(id);
        assertThat(mine.get("type").asText()).isEqualTo("NO_WATER");
        assertThat(mine.get("note").asText()).isEqualTo("饮水机没有热水");
    }

    // --- helpers -------------------------------------------------------------------------

    /** The visible controls of the sheet and the map lower than a thumb (44 px). */
    private List<Map<String, Object>> smallTouchTargets() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> small = (List<Map<String, Object>>) phone.js(
                "return [...document.querySelectorAll('#nearest-list button, #nearest-list select, #nearest-list input, #nearest-list .nearest-row,"
                        + " .leaflet-control-zoom a, .legend-toggle, .nav-link')]"
                        + ".filter(e => e.offsetParent !== null).map(e => ({what: e.className || e.id || e.tagName, h: e.getBoundingClientRect().height}))"
                        + ".filter(x => x.h < 44)");
        return small;
    }

    /**
     * Sets the phone's clock (Date in every page opened from now on) to this Shanghai time, running on from there:
     * the page picks 今天/明天 by it as a phone in China would. Returns the handle {@link #resetPhoneClock} takes.
     */
    private String setPhoneClock(LocalDateTime shanghai) {
        long at = shanghai.atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
        String source = "(() => { const Real = Date; const shift = " + at + " - Real.now();"
                + " function PhoneDate(...a) { if (!new.target) return new Real(Real.now() + shift).toString();"
                + "   return a.length ? new Real(...a) : new Real(Real.now() + shift); }"
                + " PhoneDate.prototype = Real.prototype; PhoneDate.now = () => Real.now() + shift; PhoneDate.parse = Real.parse;"
                + " PhoneDate.UTC = Real.UTC; globalThis.Date = PhoneDate; })();";
        Map<String, Object> r = phone.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
        return String.valueOf(r.get("identifier"));
    }

    private void resetPhoneClock(String identifier) {
        phone.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", identifier));
    }

    /** Types a time of day into 某时营业's time field, as the phone's time picker leaves it. */
    private void setTime(String hhmm) {
        phone.js("const i = document.getElementById('filter-time'); i.value = arguments[0];"
                + " i.dispatchEvent(new Event('input', {bubbles: true})); i.dispatchEvent(new Event('change', {bubbles: true}));", hhmm);
    }

    /** The query of the page's last /api/nearest for its position (a tap: where exactly it landed). */
    private String tappedPosition() {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) phone.js("return window.servicemap.nearest.position");
        return String.format(Locale.ROOT, "lon=%.7f&lat=%.7f&crs=WGS84&profile=WALK&k=5",
                ((Number) p.get("lon")).doubleValue(), ((Number) p.get("lat")).doubleValue());
    }

    /** Waits until the list was asked for this moment ("" none) and shows the API's answer, in its order. */
    private List<WebElement> waitForList(String at, JsonNode api) {
        List<String> ids = rowIds(api);
        return phone.waitFor(Duration.ofSeconds(20), d -> {
            if (!at.equals(phone.js("return document.getElementById('nearest-list').dataset.at || ''"))
                    || !"ready".equals(phone.js("return document.getElementById('nearest-list').dataset.state"))) {
                return null;
            }
            List<WebElement> rows = d.findElements(By.cssSelector(".nearest-row"));
            return rows.stream().map(r -> r.getAttribute("data-station-id")).toList().equals(ids) ? rows : null;
        });
    }

    private static List<String> rowIds(JsonNode nearest) {
        List<String> ids = new ArrayList<>();
        nearest.get("stations").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    /** The stations on the map (the marker layer's filtered stations, clustered or not). */
    private Set<String> markers() {
        @SuppressWarnings("unchecked")
        List<Object> onMap = (List<Object>) phone.js("return window.servicemap.stations.items.map(i => String(i.feature.id))");
        return new HashSet<>(onMap.stream().map(String::valueOf).toList());
    }

    /** Waits until the markers follow the stations open at this moment and are exactly these. */
    private void waitForMarkers(String at, Set<String> ids) {
        phone.waitFor(Duration.ofSeconds(10), d -> at.equals(phone.js("return document.getElementById('nearest-list').dataset.markersAt")));
        assertThat(markers()).as("markers open at " + at).isEqualTo(ids);
    }

    /** The ids of an /api/stations/compact answer open then and in service. */
    private Set<String> openIds(String compact) {
        Set<String> ids = new HashSet<>();
        api().get(compact).json().get("stations").forEach(s -> {
            if (s.get("openNow").asBoolean(false) && "OPEN".equals(s.get("status").asText())) {
                ids.add(s.get("id").asText());
            }
        });
        return ids;
    }

    /** Opens the page with the browser's geolocation set to lon/lat (granted, as if the worker allowed it). */
    /**
     * A worker's "open now, no app needed, microwave" is three taps; every row then is such a station, as the API finds
     * them; its detail says how one gets in first; the sign's QR code opens the station's page, where the worker
     * confirms it open (counted once, the station unchanged).
     */
    @Test
    void shouldFilterOpenNowNoAppMicrowaveShowAccessFirstAndConfirmFromTheSignsPage() throws Exception {
        openAt(LON, LAT);
        phone.driver().findElement(By.id("locate")).click();
        waitForRows(5);
        new org.openqa.selenium.support.ui.Select(phone.driver().findElement(By.id("filter-when"))).selectByValue("now");
        phone.driver().findElement(By.id("filter-entry")).click();
        new org.openqa.selenium.support.ui.Select(phone.driver().findElement(By.id("filter-service"))).selectByValue("MICROWAVE");
        assertThat(phone.driver().findElement(By.id("filter-entry")).getAttribute("aria-pressed")).isEqualTo("true");
        JsonNode api = api().get("/api/nearest?lon=" + LON + "&lat=" + LAT + "&profile=WALK&k=5&openNow=true&access=OPEN&service=MICROWAVE")
                .json().get("stations");
        assertThat(api).isNotEmpty();
        List<WebElement> rows = waitForRows(api.size());
        assertThat(rows.stream().map(r -> r.getAttribute("data-station-id")).toList())
                .containsExactlyElementsOf(java.util.stream.StreamSupport.stream(api.spliterator(), false).map(x -> x.get("id").asText()).toList());
        for (WebElement r : rows) {
            assertThat(r.getAttribute("data-services")).contains("MICROWAVE");
            assertThat(r.findElement(By.cssSelector(".nr-entry")).getText()).isEqualTo("直接进入");
        }
        phone.screenshot("worker-filter-no-app");

        // the detail: how one gets in before anything else but the name and whether it is open
        rows.get(0).findElement(By.cssSelector(".nr-detail")).click();
        WebElement detail = phone.waitFor(Duration.ofSeconds(5), d -> d.findElement(By.id("station-detail")).isDisplayed()
                ? d.findElement(By.id("station-detail")) : null);
        assertThat(detail.findElement(By.cssSelector(".station-details > .st-badges + .st-access")).getText()).startsWith("进入方式").contains("直接进入");
        long id = api.get(0).get("id").asLong();

        // the sign's QR code → the station's page → 确认开放
        String svg = new String(api().anonymous().bytes("/api/stations/" + id + "/sign.svg").body(), java.nio.charset.StandardCharsets.UTF_8);
        String url = cn.servicemap.stations.StationSignTest.decodeQr(svg);
        phone.open(url);
        assertThat(phone.waitForPageState()).isEqualTo("ready");
        WebElement page = phone.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("station-detail")).isDisplayed()
                && String.valueOf(id).equals(d.findElement(By.id("station-detail")).getAttribute("data-station-id"))
                ? d.findElement(By.id("station-detail")) : null);
        assertThat(phone.driver().getCurrentUrl()).endsWith("/?station=" + id);
        assertThat(page.findElement(By.cssSelector(".st-name")).getText()).isEqualTo(api.get(0).get("station").get("properties").get("name").asText());
        String etag = api().get("/api/stations/" + id).header("ETag");
        page.findElement(By.id("confirm-open")).click();
        WebElement result = phone.waitFor(Duration.ofSeconds(10), d -> "ok".equals(d.findElement(By.id("confirm-result")).getAttribute("data-kind"))
                ? d.findElement(By.id("confirm-result")) : null);
        assertThat(result.getText()).startsWith("谢谢！已记录");
        assertThat(result.getAttribute("data-counted")).isEqualTo("true");
        Api.Response after = api().get("/api/stations/" + id);
        assertThat(after.json().get("properties").get("confirmedAt").asText()).isNotBlank();
        assertThat(after.header("ETag")).isEqualTo(etag);
        phone.screenshot("worker-station-page-confirmed");
    }

    private void openAt(double lon, double lat) {
        String origin = "http://localhost:" + port();
        phone.driver().executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin, "permissions", List.of("geolocation")));
        phone.driver().executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lon, "accuracy", 15));
        phone.open(origin + "/");
        assertThat(phone.waitForPageState()).isEqualTo("ready");
        phone.waitFor(Duration.ofSeconds(10), d -> "ready".equals(phone.js("return document.getElementById('nearest-list').dataset.mounted")));
    }

    private void centreMapOn(double lon, double lat) {
        phone.js("const v = window.servicemap.view; window.servicemap.map.setView(v.toDisplay(arguments[0], arguments[1]), 17, {animate: false});",
                lon, lat);
    }

    private List<WebElement> waitForRows(int n) {
        return phone.waitFor(Duration.ofSeconds(20), d -> {
            List<WebElement> rows = d.findElements(By.cssSelector(".nearest-row"));
            return rows.size() == n && "ready".equals(phone.js("return document.getElementById('nearest-list').dataset.state")) ? rows : null;
        });
    }

    /** The station's marker is the selected one, and the one route drawn has the API's route for it. */
    private void assertSelectedOnMap(String id, JsonNode found) {
        phone.waitFor(Duration.ofSeconds(5), d -> !d.findElements(
                By.cssSelector(".station-marker.is-selected[data-station-id='" + id + "']")).isEmpty());
        assertThat(phone.driver().findElements(By.cssSelector(".station-marker.is-selected"))).hasSize(1);
        assertThat(phone.driver().findElements(By.cssSelector("path.route-line"))).as("one route drawn").hasSize(1);
        @SuppressWarnings("unchecked")
        List<List<Number>> drawn = (List<List<Number>>) phone.js(
                "let line = null; window.servicemap.map.eachLayer(l => { if (l.options && l.options.className === 'route-line') line = l; });"
                        + "return line.getLatLngs().map(p => [p.lng, p.lat]);");
        JsonNode route = found.get("route").get("coordinates");
        assertThat(drawn).hasSize(route.size());
        assertThat(drawn.get(0).get(0).doubleValue()).isEqualTo(route.get(0).get(0).asDouble());
        assertThat(drawn.get(drawn.size() - 1).get(1).doubleValue()).isEqualTo(route.get(route.size() - 1).get(1).asDouble());
    }
}
