package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import cn.servicemap.support.DesktopBrowserTestBase;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The planner's 按时段 panel in real Chromium over the Nanjing demo (now fixed at Monday 2026-11-23 10:00): a heat strip
 * of 7 × 24 cells for the region and each district carrying GET /api/coverage/week's shares, the hovered cell spelt out,
 * a night hour lower than noon; a cell or the time slider sets the moment the bands and gaps layers are asked for
 * (at=, the rings then equal the API's for that moment and differ from noon's), 全部时段 drops it; 夜间缺口 ranks the
 * districts by the people without an open station in the worst night hour, as worked out here from the API's numbers.
 * And on a 360 px phone the panel fits the screen.
 */
@RequiresChromium
class PlannerWeekBrowserTest extends DesktopBrowserTestBase {

    private static final String WEEK = "/api/coverage/week?profile=WALK&minutes=15";
    private static final String BANDS = "/api/coverage/bands?profile=WALK&bands=5,10,15&form=rings";
    private static final String[] DAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
    /** Wednesday 12:00 as an hour of the week. */
    private static final int NOON = 2 * 24 + 12;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @Test
    void shouldShowTheWeekAndDrawTheBandsOfTheChosenHour() {
        openPlan();
        openWeek();
        JsonNode week = api().get(WEEK).json();
        LocalDate monday = LocalDate.parse(week.get("monday").asText());
        assertThat(monday).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(desktop.driver().findElement(By.id("week-date")).getAttribute("value")).isEqualTo(monday.toString());
        JsonNode total = week.get("total");
        JsonNode districts = week.get("districts");
        assertThat(districts.size()).isPositive();

        // one row of 168 cells for the region and for each district, coloured by the API's shares
        assertThat(desktop.driver().findElements(By.cssSelector("#week-strip .week-row"))).hasSize(1 + districts.size());
        assertThat(cells("total")).hasSize(168);
        assertThat(shares("total")).containsExactlyElementsOf(apiShares(total));
        for (JsonNode d : districts) {
            assertThat(cells(d.get("adcode").asText())).as(d.get("name").asText()).hasSize(168);
            assertThat(shares(d.get("adcode").asText())).as(d.get("name").asText()).containsExactlyElementsOf(apiShares(d));
        }
        if (week.get("stationsWithoutHours").asInt() > 0) {
            assertThat(desktop.driver().findElement(By.id("week-without-hours")).getText())
                    .isEqualTo(week.get("stationsWithoutHours").asInt() + " 个驿站未填开放时间，按关闭计");
        }

        // the night hour (22–6) with the region's lowest share covers fewer people than noon, on the page as in the API
        int night = lowestNightHour(total);
        double nightShare = total.get("hours").get(night).get("peopleShare").asDouble();
        double noonShare = total.get("hours").get(NOON).get("peopleShare").asDouble();
        assertThat(nightShare).as("the region at " + hourText(night) + " against noon").isLessThan(noonShare);
        assertThat(pageShare("total", night)).isLessThan(pageShare("total", NOON)).isEqualTo(nightShare, offset(1e-9));

        // hovering a cell spells it out
        new Actions(desktop.driver()).moveToElement(cell("total", night)).perform();
        JsonNode h = total.get("hours").get(night);
        String info = desktop.waitFor(Duration.ofSeconds(5), d -> {
            String t = d.findElement(By.id("week-info")).getText();
            return t.startsWith(hourText(night)) ? t : null;
        });
        assertThat(info).isEqualTo(hourText(night) + " · " + total.get("name").asText() + " · 覆盖 " + pct(h.get("peopleShare").asDouble())
                + "（" + people(h.get("peopleWithin").asLong()) + " 人）· 开放驿站 " + h.get("openStations").asInt() + " 个");
        desktop.screenshot("plan-week-strip");

        // no moment yet: the bands count every station
        assertThat(bandsUrl()).doesNotContain("at=");
        List<Double> all = areas(api().get(BANDS).json());

        // a cell at noon: the slider goes there, bands and gaps are asked for that moment
        String noonAt = at(monday, NOON);
        desktop.js("arguments[0].click()", cell("total", NOON));
        assertThat(desktop.driver().findElement(By.id("week-slider")).getAttribute("value")).isEqualTo(String.valueOf(NOON));
        assertThat(desktop.driver().findElement(By.id("week-moment-label")).getText()).startsWith("周三 12:00");
        waitForBandsAt(noonAt);
        List<Double> noonAreas = drawnAreas();
        assertThat(noonAreas).containsExactlyElementsOf(areas(api().get(BANDS + "&at=" + noonAt).json()));
        waitForGapsAt(noonAt);
        assertThat(desktop.driver().findElement(By.id("gap-moment")).getText()).contains("11月25日（周三）12:00");
        assertThat(query((String) desktop.js("return window.servicemap.bandTiles.url()"))).containsEntry("at", noonAt);

        // the slider to the night hour: the rings of the stations open then, fewer than at noon
        String nightAt = at(monday, night);
        desktop.js("const s = arguments[0]; s.value = String(arguments[1]); s.dispatchEvent(new Event('input', {bubbles: true}));"
                + " s.dispatchEvent(new Event('change', {bubbles: true}));", desktop.driver().findElement(By.id("week-slider")), night);
        waitForBandsAt(nightAt);
        List<Double> nightAreas = drawnAreas();
        assertThat(nightAreas).containsExactlyElementsOf(areas(api().get(BANDS + "&at=" + nightAt).json()));
        assertThat(nightAreas).as("the bands at " + nightAt + " against noon").isNotEqualTo(noonAreas);
        assertThat(nightAreas.stream().mapToDouble(Double::doubleValue).sum()).isLessThan(noonAreas.stream().mapToDouble(Double::doubleValue).sum());
        assertThat(((Number) desktop.js("return document.querySelectorAll('path.band').length")).intValue())
                .isEqualTo(drawnFeatureCount());
        waitForGapsAt(nightAt);
        assertThat(resourceUrls("/api/coverage/bands")).anyMatch(u -> nightAt.equals(query(u).get("at")));
        assertThat(desktop.driver().findElement(By.cssSelector("[data-layer-state='bands']")).getText()).contains("开放的站点");
        assertThat(cell("total", night).getAttribute("class")).contains("is-at");
        desktop.screenshot("plan-week-night");

        // 全部时段: every station again
        desktop.driver().findElement(By.id("week-all")).click();
        desktop.waitFor(Duration.ofSeconds(60), d -> {
            Object u = desktop.js("const b = window.servicemap.bands; return b.baseUrl === b.lastUrl ? b.baseUrl : null");
            return u != null && !u.toString().contains("at=");
        });
        assertThat(drawnAreas()).containsExactlyElementsOf(all);
        desktop.waitFor(Duration.ofSeconds(60), d -> !String.valueOf(desktop.js("return window.servicemap.gaps.lastUrl")).contains("at="));

        // 夜间缺口: districts by the people outside the band of every open station in their worst night hour
        List<NightGap> expected = nightGaps(districts, 22, 6);
        List<WebElement> items = desktop.driver().findElements(By.cssSelector("#night-list .night-item"));
        assertThat(items).hasSize(districts.size());
        List<NightGap> shown = items.stream().map(e -> new NightGap(e.getAttribute("data-adcode"), Long.parseLong(e.getAttribute("data-without")),
                Integer.parseInt(e.getAttribute("data-hour")))).toList();
        assertThat(shown).containsExactlyElementsOf(expected);
        assertThat(shown).extracting(NightGap::without).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(items.get(0).getText()).contains("约 " + people(expected.get(0).without()) + " 人无开放驿站")
                .contains("最差 " + hourText(expected.get(0).hour()));

        // clicking the worst: the slider to its hour, the map to the district
        items.get(0).findElement(By.cssSelector("button")).click();
        NightGap worst = expected.get(0);
        assertThat(desktop.driver().findElement(By.id("week-slider")).getAttribute("value")).isEqualTo(String.valueOf(worst.hour()));
        waitForBandsAt(at(monday, worst.hour()));
        desktop.waitFor(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(desktop.js("""
                const s = window.servicemap, w = s.week;
                const f = w.shapes && w.shapes.features.find((x) => x.properties.adcode === arguments[0]);
                if (!f) return false;
                const c = L.geoJSON(f, { coordsToLatLng: (p) => L.latLng(...s.view.toDisplay(p[0], p[1])) }).getBounds().getCenter();
                return s.map.getBounds().contains(c);
                """, worst.adcode())));

        // a narrower night window ranks again
        new org.openqa.selenium.support.ui.Select(desktop.driver().findElement(By.id("night-from"))).selectByValue("0");
        new org.openqa.selenium.support.ui.Select(desktop.driver().findElement(By.id("night-to"))).selectByValue("5");
        List<NightGap> early = nightGaps(districts, 0, 5);
        assertThat(desktop.driver().findElements(By.cssSelector("#night-list .night-item")).stream()
                .map(e -> new NightGap(e.getAttribute("data-adcode"), Long.parseLong(e.getAttribute("data-without")),
                        Integer.parseInt(e.getAttribute("data-hour")))).toList()).containsExactlyElementsOf(early);
        desktop.screenshot("plan-week-night-gaps");
    }

    /**
     * The moment set on the slider is the moment of every figure on the page: the coverage table (its total the API's at
     * that hour), 交叉覆盖, 达标情况 (its people share the API's compliance at that hour), the downloads, the what-if body
     * and 选址建议 — whose job counts as existing only the stations open then (its people within before are the
     * report's at that hour, fewer than with every station).
     */
    @Test
    void shouldCountEveryFigureAndTheSitingAtTheChosenHour() {
        openPlan();
        openWeek();
        JsonNode week = api().get(WEEK).json();
        LocalDate monday = LocalDate.parse(week.get("monday").asText());
        int night = lowestNightHour(week.get("total"));
        String nightAt = at(monday, night);
        JsonNode all = api().get("/api/coverage?profile=WALK&bands=5,10,15").json();
        JsonNode report = api().get("/api/coverage?profile=WALK&bands=5,10,15&at=" + nightAt).json();
        long coveredAtNight = report.get("total").get("bands").get(2).get("peopleCovered").asLong();
        assertThat(coveredAtNight).isLessThan(all.get("total").get("bands").get(2).get("peopleCovered").asLong());

        desktop.js("const s = arguments[0]; s.value = String(arguments[1]); s.dispatchEvent(new Event('input', {bubbles: true}));"
                + " s.dispatchEvent(new Event('change', {bubbles: true}));", desktop.driver().findElement(By.id("week-slider")), night);
        // the coverage table: the report at that hour, said in its title
        desktop.waitFor(Duration.ofSeconds(60), d -> nightAt.equals(d.findElement(By.id("report-title")).getAttribute("data-at"))
                && (people(coveredAtNight) + " 人").equals(desktop.js(
                "const c = document.querySelector(\"#report-table tfoot td[data-key='band15'] .covered-people\"); return c && c.textContent")));
        assertThat(desktop.driver().findElement(By.id("report-title")).getText()).contains("营业的驿站");
        long twoAtNight = api().get("/api/coverage/cross?profile=WALK&bands=5,10,15&at=" + nightAt).json().get("total").get("bands").get(2)
                .get("peopleWithTwo").asLong();
        desktop.waitFor(Duration.ofSeconds(60), d -> (people(twoAtNight) + " 人").equals(desktop.js(
                "const c = document.querySelector(\"#report-table tfoot td[data-key='cross'] .covered-people\"); return c && c.textContent")));
        for (String link : List.of("export-csv", "export-xlsx")) {
            assertThat(query(desktop.driver().findElement(By.id(link)).getAttribute("href"))).as(link).containsEntry("at", nightAt);
        }

        // 达标情况: the walk-time people share at that hour, the basis said above the table, the download the same
        JsonNode compliance = api().get("/api/planning/compliance?at=" + nightAt).json();
        String share = null;
        for (JsonNode c : compliance.get("total").get("cells")) {
            if (c.get("measure").asText().equals("WALK_PEOPLE_SHARE")) {
                share = String.format(Locale.ROOT, "%.1f%%", c.get("value").asDouble());
            }
        }
        String expectedShare = share;
        desktop.waitFor(Duration.ofSeconds(60), d -> expectedShare.equals(desktop.js(
                "const c = document.querySelector(\"#compliance-table tfoot td[data-measure='WALK_PEOPLE_SHARE'] .light-value\");"
                        + " return c && c.textContent")));
        assertThat(desktop.driver().findElement(By.id("compliance-basis")).getText()).contains("只计").contains("营业的驿站");
        assertThat(query(desktop.driver().findElement(By.id("compliance-export")).getAttribute("href"))).containsEntry("at", nightAt);
        assertThat(query(desktop.driver().findElement(By.id("compliance-print")).getAttribute("href"))).containsEntry("at", nightAt);
        @SuppressWarnings("unchecked")
        Map<String, Object> whatif = (Map<String, Object>) desktop.js("return window.servicemap.whatif.basis()");
        assertThat(whatif).containsEntry("at", nightAt);

        // 选址建议 at that hour: the existing stations are those open then
        desktop.waitFor(Duration.ofSeconds(60), d -> "0".equals(desktop.js("return document.body.dataset.busy")));
        WebElement sites = desktop.driver().findElement(By.id("siting-sites"));
        desktop.js("arguments[0].scrollIntoView({block: 'center'})", sites);
        new org.openqa.selenium.support.ui.Select(desktop.driver().findElement(By.id("siting-minutes"))).selectByValue("15");
        sites.clear();
        sites.sendKeys("2");
        desktop.driver().findElement(By.id("siting-start")).click();
        desktop.waitFor(Duration.ofSeconds(120), d -> d.findElements(By.cssSelector("#siting-list .siting-site")).size() == 2);
        assertThat(((Number) desktop.js("return window.servicemap.siting.answer.peopleWithinBefore")).longValue()).isEqualTo(coveredAtNight);
        desktop.screenshot("plan-week-siting-night");
    }

    @Test
    void shouldFitAPhone() {
        try {
            desktop.emulateViewport(360, 740, 2, true);
            openPlan();
            desktop.driver().findElement(By.id("panel-toggle")).click();
            openWeek();
            assertThat(cells("total")).hasSize(168);
            // nothing of the panel wider than the screen (the page's own width is the other panels' business)
            assertThat((String) desktop.js("return [...document.querySelectorAll('#week-panel *')]"
                    + ".filter(e => e.getBoundingClientRect().right > 360.5)"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')"))
                    .as("parts of 按时段 wider than a 360 px screen").isEmpty();
            for (String id : List.of("week-strip", "week-slider", "week-all", "night-list", "week-legend")) {
                assertThat(((Number) desktop.js("return document.getElementById(arguments[0]).getBoundingClientRect().right", id)).doubleValue())
                        .as(id).isLessThanOrEqualTo(360);
            }
            assertThat(((Number) desktop.js("return document.querySelector(\"#week-strip .week-row[data-adcode='total'] .week-cell\")"
                    + ".getBoundingClientRect().width")).doubleValue()).isPositive();
            desktop.js("const b = document.querySelector('.panel-body'), p = document.getElementById('week-panel');"
                    + " b.scrollTop += p.getBoundingClientRect().top - b.getBoundingClientRect().top;");
            desktop.screenshot("plan-week-phone");
        } finally {
            desktop.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    // --- helpers -------------------------------------------------------------------------

    record NightGap(String adcode, long without, int hour) {
    }

    /** Per district the night hour with the most people outside the band of every open station, most first. */
    private static List<NightGap> nightGaps(JsonNode districts, int from, int to) {
        List<NightGap> out = new ArrayList<>();
        for (JsonNode d : districts) {
            long people = d.get("people").asLong();
            NightGap worst = null;
            for (JsonNode x : d.get("hours")) {
                int hour = x.get("hour").asInt();
                int h = hour % 24;
                if (!(from < to ? h >= from && h < to : h >= from || h < to)) {
                    continue;
                }
                long without = Math.max(0, people - x.get("peopleWithin").asLong());
                if (worst == null || without > worst.without()) {
                    worst = new NightGap(d.get("adcode").asText(), without, hour);
                }
            }
            out.add(worst);
        }
        out.sort(Comparator.comparingLong(NightGap::without).reversed().thenComparingInt(NightGap::hour));
        return out;
    }

    private static int lowestNightHour(JsonNode row) {
        int best = -1;
        for (JsonNode x : row.get("hours")) {
            int h = x.get("hour").asInt() % 24;
            if ((h >= 22 || h < 6) && (best < 0 || x.get("peopleShare").asDouble() < row.get("hours").get(best).get("peopleShare").asDouble())) {
                best = x.get("hour").asInt();
            }
        }
        return best;
    }

    private void openPlan() {
        desktop.open("http://localhost:" + port() + "/plan");
        assertThat(desktop.waitForPageState()).isEqualTo("ready");
        desktop.waitFor(Duration.ofSeconds(30), d -> "ready".equals(desktop.js("return document.body.dataset.coverage")));
        desktop.waitFor(Duration.ofSeconds(30), d -> "0".equals(desktop.js("return document.body.dataset.busy")));
    }

    private void openWeek() {
        WebElement toggle = desktop.driver().findElement(By.id("week-toggle"));
        toggle.click();
        String state;
        try {
            state = desktop.waitFor(Duration.ofSeconds(120), d -> {
                Object s = desktop.js("return document.getElementById('week-panel').dataset.state");
                return "ready".equals(s) || "error".equals(s) ? s.toString() : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            desktop.screenshot("plan-week-timeout");
            throw new AssertionError("week panel: " + desktop.js("const p = document.getElementById('week-panel');"
                    + " return [p.dataset.state, document.getElementById('week-state').textContent, document.getElementById('week-body').hidden,"
                    + " document.getElementById('week-toggle').getAttribute('aria-expanded'), document.body.dataset.busy].join(' | ')")
                    + " log " + desktop.log(), e);
        }
        assertThat(state).as(desktop.driver().findElement(By.id("week-state")).getText()).isEqualTo("ready");
    }

    private List<WebElement> cells(String adcode) {
        return desktop.driver().findElements(By.cssSelector("#week-strip .week-row[data-adcode='" + adcode + "'] .week-cell"));
    }

    private WebElement cell(String adcode, int hour) {
        return desktop.driver().findElement(By.cssSelector("#week-strip .week-row[data-adcode='" + adcode + "'] .week-cell[data-hour='" + hour + "']"));
    }

    private double pageShare(String adcode, int hour) {
        return Double.parseDouble(cell(adcode, hour).getAttribute("data-share"));
    }

    @SuppressWarnings("unchecked")
    private List<String> shares(String adcode) {
        return (List<String>) desktop.js("return [...document.querySelectorAll(\"#week-strip .week-row[data-adcode='\" + arguments[0] + \"'] .week-cell\")]"
                + ".map(c => c.dataset.share)", adcode);
    }

    /** A row's shares as the page writes them (JavaScript's number to string), '' for none. */
    private static List<String> apiShares(JsonNode row) {
        List<String> out = new ArrayList<>();
        for (JsonNode x : row.get("hours")) {
            JsonNode s = x.get("peopleShare");
            out.add(s == null || s.isNull() ? "" : jsNumber(s.asDouble()));
        }
        return out;
    }

    private static String jsNumber(double v) {
        if (v == Math.rint(v)) {
            return String.valueOf((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private void waitForBandsAt(String at) {
        desktop.waitFor(Duration.ofSeconds(60), d -> {
            Object u = desktop.js("const b = window.servicemap.bands; return b.baseUrl === b.lastUrl ? b.baseUrl : null");
            return u != null && at.equals(query(u.toString()).get("at"));
        });
    }

    private void waitForGapsAt(String at) {
        desktop.waitFor(Duration.ofSeconds(60), d -> resourceUrls("/api/coverage/gaps").stream().anyMatch(u -> at.equals(query(u).get("at")))
                && "0".equals(desktop.js("return document.body.dataset.busy")));
    }

    private String bandsUrl() {
        return (String) desktop.js("return window.servicemap.bands.lastUrl");
    }

    @SuppressWarnings("unchecked")
    private List<Double> drawnAreas() {
        return ((List<Number>) desktop.js("return window.servicemap.bands.base.features.map(f => f.properties.areaKm2)"))
                .stream().map(Number::doubleValue).toList();
    }

    private int drawnFeatureCount() {
        return ((Number) desktop.js("return window.servicemap.bands.base.features.filter(f => f.geometry"
                + " && f.geometry.coordinates && f.geometry.coordinates.length).length")).intValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> resourceUrls(String path) {
        return ((List<String>) desktop.js("return performance.getEntriesByType('resource').map(e => e.name)")).stream()
                .filter(u -> u.contains(path)).toList();
    }

    private static List<Double> areas(JsonNode fc) {
        List<Double> out = new ArrayList<>();
        for (JsonNode f : fc.get("features")) {
            out.add(f.get("properties").get("areaKm2").asDouble());
        }
        return out;
    }

    private static String at(LocalDate monday, int hour) {
        return monday.plusDays(hour / 24) + "T" + String.format("%02d", hour % 24) + ":00";
    }

    private static String hourText(int hour) {
        return DAYS[hour / 24] + " " + String.format("%02d", hour % 24) + ":00";
    }

    /** As the page's fmtPct: one decimal of a per cent, rounded as JavaScript's toFixed does (from the double's exact value). */
    private static String pct(double share) {
        return new java.math.BigDecimal(share * 100).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String people(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
