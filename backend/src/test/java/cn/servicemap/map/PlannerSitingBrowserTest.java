package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.DesktopBrowserTestBase;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The planner's 选址建议 panel in real Chromium over the Nanjing demo: three sites for the 5-minute band come back
 * as a job, listed and drawn as numbered markers with the people each adds; 全部加入方案模拟 puts them in the what-if,
 * whose 新增覆盖 for 5 minutes is the people the answer claimed. The report shows 交叉覆盖 as the API counts it.
 */
@RequiresChromium
class PlannerSitingBrowserTest extends DesktopBrowserTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @Test
    void shouldProposeSitesAndTryThemInTheWhatIf() {
        desktop.open("http://localhost:" + port() + "/plan");
        assertThat(desktop.waitForPageState()).isEqualTo("ready");
        desktop.waitFor(Duration.ofSeconds(30), d -> "ready".equals(desktop.js("return document.body.dataset.coverage")));

        // the report's 交叉覆盖 column: the region's people within 15 minutes of two stations, as the API counts them
        long withTwo = api().get("/api/coverage/cross").json().get("total").get("bands").get(2).get("peopleWithTwo").asLong();
        String shown = desktop.waitFor(Duration.ofSeconds(60), d -> (String) desktop.js(
                "const c = document.querySelector('#report-table tfoot td[data-key=\"cross\"] .covered-people');"
                        + " return c && c.textContent"));
        assertThat(Long.parseLong(shown.replaceAll("[^0-9]", ""))).isEqualTo(withTwo);

        new Select(desktop.driver().findElement(By.id("siting-minutes"))).selectByValue("5");
        WebElement sites = desktop.driver().findElement(By.id("siting-sites"));
        sites.clear();
        sites.sendKeys("3");
        desktop.driver().findElement(By.id("siting-start")).click();

        desktop.waitFor(Duration.ofSeconds(60), d -> d.findElements(By.cssSelector("#siting-list .siting-site")).size() == 3);
        String summary = desktop.driver().findElement(By.id("siting-summary")).getText();
        assertThat(summary).startsWith("建议 3 个新站点，5 分钟内新增覆盖").contains("已证明为最优");
        assertThat(desktop.js("return [...document.querySelectorAll('.siting-marker .siting-rank')].map(e => e.textContent)"))
                .isEqualTo(java.util.List.of("1", "2", "3"));
        assertThat(desktop.driver().findElement(By.id("siting-cancel")).isDisplayed()).as("cancel once the job is done").isFalse();
        long claimed = Long.parseLong(summary.replaceAll("^.*新增覆盖 ([\\d,]+) 人.*$", "$1").replace(",", ""));
        assertThat(claimed).isPositive();

        // 排除 the first site: asked again, no site comes back within 50 m of it
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> firstSite = (java.util.Map<String, Object>) desktop.js(
                "const a = window.servicemap.siting.answer.sites[0]; return {lon: a.lon, lat: a.lat};");
        desktop.driver().findElement(By.cssSelector("#siting-list .siting-site[data-rank='1'] .siting-exclude")).click();
        desktop.waitFor(Duration.ofSeconds(60), d -> d.findElements(By.cssSelector("#siting-list .siting-excluded")).size() == 1
                && d.findElements(By.cssSelector("#siting-list .siting-site")).size() == 3);
        @SuppressWarnings("unchecked")
        java.util.List<java.util.Map<String, Object>> again = (java.util.List<java.util.Map<String, Object>>) desktop.js(
                "return window.servicemap.siting.answer.sites.map(s => ({lon: s.lon, lat: s.lat}));");
        assertThat(again).allSatisfy(s -> assertThat(cn.servicemap.gis.crs.Geodesic.distanceMeters(
                ((Number) s.get("lon")).doubleValue(), ((Number) s.get("lat")).doubleValue(),
                ((Number) firstSite.get("lon")).doubleValue(), ((Number) firstSite.get("lat")).doubleValue())).isGreaterThan(50));
        desktop.driver().findElement(By.cssSelector(".siting-excluded .link")).click();
        desktop.waitFor(Duration.ofSeconds(60), d -> d.findElements(By.cssSelector("#siting-list .siting-excluded")).isEmpty()
                && d.findElements(By.cssSelector("#siting-list .siting-site")).size() == 3);
        String summaryAgain = desktop.driver().findElement(By.id("siting-summary")).getText();
        assertThat(summaryAgain).isEqualTo(summary);

        desktop.driver().findElement(By.id("siting-try")).click();
        desktop.waitFor(Duration.ofSeconds(60), d -> d.findElements(By.cssSelector("#whatif-changes .whatif-change-add")).size() == 3);
        String gained = desktop.waitFor(Duration.ofSeconds(60), d -> (String) desktop.js(
                "const r = document.querySelector('#whatif-delta tr[data-minutes=\"5\"] td.gained');"
                        + " return r && r.dataset.value"));
        assertThat(Long.parseLong(gained)).isEqualTo(claimed);
        desktop.screenshot("planner-siting");
    }
    /**
     * 达标情况, 保存为方案, 方案对比 and the printable reports: the compliance table matches the API; three sites saved as a
     * scenario and compared with the current state on the map and in tables; the printable pages render in Chromium (a
     * screenshot each) and print to one or more A4 pages.
     */
    @Test
    void shouldShowComplianceSaveSitesAsAScenarioCompareAndPrint() throws Exception {
        desktop.open("http://localhost:" + port() + "/plan");
        assertThat(desktop.waitForPageState()).isEqualTo("ready");
        desktop.waitFor(Duration.ofSeconds(60), d -> "ready".equals(desktop.js(
                "return document.querySelector('[data-feature=\"compliance\"]').dataset.state")));
        tools.jackson.databind.JsonNode compliance = api().get("/api/planning/compliance").json();
        assertThat(desktop.driver().findElements(By.cssSelector("#compliance-table tbody tr"))).hasSize(compliance.get("districts").size());
        String firstLight = compliance.get("districts").get(0).get("cells").get(0).get("light").asText();
        assertThat(desktop.js("return document.querySelector('#compliance-table tbody tr td').dataset.light")).isEqualTo(firstLight);

        WebElement sites = desktop.driver().findElement(By.id("siting-sites"));
        sites.clear();
        sites.sendKeys("3");
        new Select(desktop.driver().findElement(By.id("siting-minutes"))).selectByValue("5");
        desktop.driver().findElement(By.id("siting-start")).click();
        desktop.waitFor(Duration.ofSeconds(60), d -> d.findElements(By.cssSelector("#siting-list .siting-site")).size() == 3
                && d.findElement(By.id("siting-save")).isDisplayed());
        desktop.driver().findElement(By.id("siting-save")).click();
        desktop.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.id("siting-compare")).size() == 1);
        desktop.driver().findElement(By.id("siting-compare")).click();
        desktop.waitFor(Duration.ofSeconds(120), d -> d.findElements(By.cssSelector("#compare-summary tbody tr")).size() == 6);
        assertThat(desktop.driver().findElements(By.cssSelector(".compare-marker.compare-b"))).hasSize(3);
        String change = desktop.driver().findElement(By.cssSelector("#compare-summary tbody tr:nth-child(2) td.compare-change")).getText();
        assertThat(change).startsWith("+");
        assertThat(desktop.driver().findElements(By.cssSelector("#compare-districts tbody tr"))).hasSize(compliance.get("districts").size());
        desktop.screenshot("planner-compare");

        // the printable pages: compliance, the siting answer, the comparison — rendered, and printed to A4
        java.util.Map<String, String> links = new java.util.LinkedHashMap<>();
        for (String link : java.util.List.of("compliance-print", "siting-print", "compare-print")) {
            links.put(link, desktop.driver().findElement(By.id(link)).getAttribute("href"));
        }
        for (java.util.Map.Entry<String, String> e : links.entrySet()) {
            String link = e.getKey();
            String href = e.getValue();
            desktop.open(href);
            desktop.waitFor(Duration.ofSeconds(120), d -> !"loading".equals(desktop.js("return document.body.dataset.state")));
            assertThat(desktop.js("return document.body.dataset.state")).as(href + ": " + desktop.js(
                    "return document.getElementById('report-status').textContent")).isEqualTo("ready");
            assertThat(desktop.js("return document.querySelectorAll('.report-tables table').length")).asString().isNotEqualTo("0");
            assertThat((String) desktop.js("return document.getElementById('report-meta').textContent")).contains("生成于", "数据版本");
            assertThat((Long) desktop.js("return document.querySelectorAll('#report-sources li').length")).isPositive();
            assertThat((Long) desktop.js("return document.querySelectorAll('#map .leaflet-overlay-pane path').length")).isPositive();
            desktop.screenshot("report-" + link.replace("-print", ""));
            org.openqa.selenium.Pdf pdf = desktop.driver().print(new org.openqa.selenium.print.PrintOptions());
            byte[] bytes = java.util.Base64.getDecoder().decode(pdf.getContent());
            String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(text).startsWith("%PDF");
            // A4 is 595 × 842 points; the page's @page rule sets it
            assertThat(text).containsPattern("/MediaBox \\[0 0 59[45](\\.\\d+)? 84[12](\\.\\d+)?]");
        }
        desktop.open("http://localhost:" + port() + "/report.html?type=siting&job=no-such-job");
        desktop.waitFor(Duration.ofSeconds(30), d -> "error".equals(desktop.js("return document.body.dataset.state")));
        assertThat((String) desktop.js("return document.getElementById('report-status').textContent")).startsWith("无法生成报告");
    }

    @Override
    protected boolean expectedSevere(String message) {
        return message.contains("/api/planning/siting/no-such-job"); // the report page asked for an unknown job on purpose
    }
    /** 修改记录 in a station's popup: its versions with who changed what; 恢复此版本 brings the first one back. */
    @Test
    void shouldShowAStationsHistoryAndRestoreAVersionFromItsPopup() {
        tools.jackson.databind.JsonNode station = api().get("/api/stations?kind=SERVICE_CENTRE").json().get("features").get(0);
        String id = station.get("id").asText();
        String name = station.get("properties").get("name").asText();
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", name + "（改）");
        body.put("kind", station.get("properties").get("kind").asText());
        body.put("lon", station.get("geometry").get("coordinates").get(0).asDouble());
        body.put("lat", station.get("geometry").get("coordinates").get(1).asDouble());
        int version = station.get("properties").get("version").asInt();
        assertThat(api().put("/api/stations/" + id, body, java.util.Map.of("If-Match", "\"" + version + "\"")).status()).isEqualTo(200);

        desktop.open("http://localhost:" + port() + "/plan");
        assertThat(desktop.waitForPageState()).isEqualTo("ready");
        desktop.js("window.servicemap.stations.open(Number(arguments[0]))", id);
        WebElement open = desktop.waitFor(Duration.ofSeconds(10),
                d -> d.findElements(By.cssSelector(".leaflet-popup .history-open")).stream().findFirst().orElse(null));
        desktop.js("arguments[0].click()", open);
        desktop.waitFor(Duration.ofSeconds(10), d -> d.findElements(By.cssSelector(".leaflet-popup .history-list li")).size() == version + 1);
        assertThat(desktop.driver().findElement(By.cssSelector(".leaflet-popup .history-list li")).getText())
                .contains("第 " + (version + 1) + " 版 · 修改", "test-admin", "名称：" + name + " → " + name + "（改）");
        desktop.screenshot("plan-station-history");
        WebElement restore = desktop.driver().findElement(By.cssSelector(".leaflet-popup .history-list li[data-version='" + version
                + "'] .history-restore"));
        desktop.js("arguments[0].click()", restore);
        desktop.waitFor(Duration.ofSeconds(10), d -> ((String) desktop.js(
                "const m = document.querySelector('.leaflet-popup .history-msg'); return m ? m.textContent : ''")).startsWith("已恢复"));
        assertThat(api().get("/api/stations/" + id).json().get("properties").get("name").asText()).isEqualTo(name);
        assertThat(api().get("/api/stations/" + id + "/history").json().get("versions").findValuesAsString("actor"))
                .last().asString().contains("demo");
    }
}
