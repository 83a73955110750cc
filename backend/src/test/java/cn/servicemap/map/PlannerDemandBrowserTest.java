package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.DesktopBrowserTestBase;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The planner's 服务对象 (demand=) and 驿站服务 (service=) in real Chromium over the Nanjing demo: 外卖快递骑手 makes the
 * coverage table's total the API's for demand=riders, with the unit and the method under the table; a service ticked makes
 * the stations counted in the summary the API's with service=; the gaps, bands and 按时段 requests and the 选址建议 body
 * carry them (bands without demand=, which they do not take); 货车网约车司机 suggests 驾车 with a button.
 */
@RequiresChromium
class PlannerDemandBrowserTest extends DesktopBrowserTestBase {

    private static final String COVERAGE = "/api/coverage?profile=WALK&bands=5,10,15";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @Test
    void shouldCountRidersAndOnlyTheStationsOfferingAService() {
        openPlan();
        JsonNode residents = api().get(COVERAGE).json();
        JsonNode riders = api().get(COVERAGE + "&demand=riders").json();
        long ridersPeople = riders.get("total").get("people").asLong();
        assertThat(ridersPeople).isNotEqualTo(residents.get("total").get("people").asLong());
        assertThat(desktop.driver().findElement(By.id("report-demand-note")).isDisplayed()).isFalse();
        // nothing chosen: the requests are as before (no demand=, no service=)
        assertThat(query(url("gaps"))).doesNotContainKeys("demand", "service");

        // 服务对象 → 外卖快递骑手: the table's total is the API's, the unit and the method show under the table
        new Select(desktop.driver().findElement(By.id("plan-demand"))).selectByValue("riders");
        desktop.waitFor(Duration.ofSeconds(60), d -> String.valueOf(ridersPeople).equals(totalPeople()));
        WebElement note = desktop.driver().findElement(By.id("report-demand-note"));
        assertThat(note.isDisplayed()).isTrue();
        JsonNode demand = riders.get("demand");
        String method = demand.get("method").asText();
        String methodZh = method.replaceFirst("\\s*\\([A-Za-z][\\s\\S]*\\)$", "");
        assertThat(note.getText()).contains(demand.get("name").asText()).contains(methodZh);
        if (demand.get("relative").asBoolean()) {
            String unit = demand.get("unit").asText();
            assertThat(note.getText()).contains(unit);
            assertThat(desktop.driver().findElement(By.cssSelector("#report-table th[data-key='people']")).getText()).contains(unit);
            assertThat(desktop.driver().findElement(By.cssSelector("#report-table tfoot td[data-key='band15'] .covered-people")).getText())
                    .endsWith(unit).doesNotEndWith(" 人");
        }
        waitFor("gaps", u -> "riders".equals(u.get("demand")));
        waitIdle();
        desktop.screenshot("plan-demand-riders");

        // 驿站服务: a service some but not all stations offer → the stations counted are the API's with service=
        String service = partlyOfferedService();
        JsonNode filtered = api().get(COVERAGE + "&demand=riders&service=" + service).json();
        int counted = filtered.get("stations").get("counted").asInt();
        assertThat(counted).isLessThan(riders.get("stations").get("counted").asInt()).isPositive();
        desktop.driver().findElement(By.cssSelector("#plan-services > summary")).click();
        desktop.driver().findElement(By.cssSelector("#plan-services input[data-service='" + service + "']")).click();
        desktop.waitFor(Duration.ofSeconds(60), d -> String.valueOf(counted).equals(desktop.js(
                "const s = document.getElementById('coverage-stations'); return s && s.dataset.stations")));
        assertThat(desktop.driver().findElement(By.id("coverage-stations")).getText()).contains(String.valueOf(counted));
        assertThat(totalPeople()).isEqualTo(String.valueOf(filtered.get("total").get("people").asLong()));
        waitFor("gaps", u -> "riders".equals(u.get("demand")) && service.equals(u.get("service")));
        desktop.waitFor(Duration.ofSeconds(60), d -> {
            Object u = desktop.js("const b = window.servicemap.bands; return b.baseUrl === b.lastUrl ? b.baseUrl : null");
            return u != null && service.equals(query(u.toString()).get("service"));
        });
        assertThat(query(url("bands"))).doesNotContainKey("demand");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) desktop.js("return window.servicemap.siting.body()");
        assertThat(body).containsEntry("demand", "riders");
        assertThat(body.get("services")).asList().containsExactly(service);
        waitIdle();

        // 按时段 asks for the same
        desktop.driver().findElement(By.cssSelector("#plan-services > summary")).click(); // closes the dropdown
        desktop.js("arguments[0].scrollIntoView({block: 'center'})", desktop.driver().findElement(By.id("week-toggle")));
        desktop.driver().findElement(By.id("week-toggle")).click();
        waitFor("week", u -> "riders".equals(u.get("demand")) && service.equals(u.get("service")));

        // 不限 drops service=
        desktop.js("arguments[0].scrollIntoView({block: 'start'})", desktop.driver().findElement(By.id("plan-services")));
        desktop.driver().findElement(By.cssSelector("#plan-services > summary")).click();
        desktop.driver().findElement(By.id("plan-services-clear")).click();
        desktop.driver().findElement(By.cssSelector("#plan-services > summary")).click();
        waitFor("gaps", u -> !u.containsKey("service") && "riders".equals(u.get("demand")));
        waitIdle();

        // 货车网约车司机: a hint suggests 驾车, its button switches the profile
        assertThat(desktop.driver().findElement(By.id("demand-car-hint")).isDisplayed()).isFalse();
        new Select(desktop.driver().findElement(By.id("plan-demand"))).selectByValue("drivers");
        assertThat(desktop.driver().findElement(By.id("demand-car-hint")).isDisplayed()).isTrue();
        desktop.driver().findElement(By.id("demand-use-car")).click();
        assertThat(new Select(desktop.driver().findElement(By.id("plan-profile"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("CAR");
        assertThat(desktop.driver().findElement(By.id("demand-car-hint")).isDisplayed()).isFalse();
        waitFor("gaps", u -> "drivers".equals(u.get("demand")) && "CAR".equals(u.get("profile")));
        waitIdle();
    }

    /**
     * 上传自定义需求: a CSV of weighted points (one far outside the region) without its coordinate system is refused
     * beside the file; declared WGS84 it is taken, the outcome says how many points fell in the region and which row
     * did not, the surface becomes the 服务对象 — the table's total the API's for demand=<id>, the gaps asked with it —
     * and after a reload it is still a choice.
     */
    @Test
    void shouldUploadADemandSurfaceAndCountIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        openPlan();
        // points beside stations well inside the road network (the cells cover it)
        JsonNode bbox = api().get("/api/map-config").json().get("bbox");
        double dLon = (bbox.get(2).asDouble() - bbox.get(0).asDouble()) / 10;
        double dLat = (bbox.get(3).asDouble() - bbox.get(1).asDouble()) / 10;
        List<JsonNode> inside = new java.util.ArrayList<>();
        for (JsonNode f : api().get("/api/stations").json().get("features")) {
            JsonNode c = f.get("geometry").get("coordinates");
            if (c.get(0).asDouble() > bbox.get(0).asDouble() + dLon && c.get(0).asDouble() < bbox.get(2).asDouble() - dLon
                    && c.get(1).asDouble() > bbox.get(1).asDouble() + dLat && c.get(1).asDouble() < bbox.get(3).asDouble() - dLat
                    && inside.size() < 20) {
                inside.add(f);
            }
        }
        StringBuilder csv = new StringBuilder("名称,经度,纬度,权重\n");
        int rows = inside.size();
        assertThat(rows).isGreaterThan(5);
        for (int i = 0; i < rows; i++) {
            JsonNode c = inside.get(i).get("geometry").get("coordinates");
            csv.append("订单点").append(i + 1).append(',').append(c.get(0).asDouble() + 0.0008).append(',')
                    .append(c.get(1).asDouble() - 0.0005).append(',').append(i + 1).append('\n');
        }
        csv.append("乌鲁木齐的点,87.6168,43.8256,50\n"); // far outside: counted apart, with its row
        java.nio.file.Path file = dir.resolve("订单热力.csv");
        java.nio.file.Files.writeString(file, csv.toString());

        WebElement summary = desktop.driver().findElement(By.cssSelector("#demand-upload > summary"));
        desktop.js("arguments[0].scrollIntoView({block: 'center'})", summary);
        summary.click();
        desktop.driver().findElement(By.id("demand-upload-name")).sendKeys("外卖平台订单热力 测试");
        desktop.driver().findElement(By.id("demand-upload-file")).sendKeys(file.toString());
        desktop.driver().findElement(By.id("demand-upload-submit")).click();
        desktop.waitFor(Duration.ofSeconds(30), d -> "rejected".equals(d.findElement(By.id("demand-upload-form")).getAttribute("data-state")));
        WebElement fileError = desktop.driver().findElement(By.id("demand-upload-file-error"));
        assertThat(fileError.isDisplayed()).isTrue();
        assertThat(fileError.getText()).contains("坐标系").doesNotContain("Exception");
        assertThat(api().get("/api/demands").json().get("uploads")).isEmpty();

        new Select(desktop.driver().findElement(By.id("demand-upload-crs"))).selectByValue("WGS84");
        desktop.driver().findElement(By.id("demand-upload-submit")).click();
        desktop.waitFor(Duration.ofSeconds(30), d -> "done".equals(d.findElement(By.id("demand-upload-form")).getAttribute("data-state")));
        JsonNode uploads = api().get("/api/demands").json().get("uploads");
        assertThat(uploads).hasSize(1);
        String id = uploads.get(0).get("id").asText();
        assertThat(uploads.get(0).get("points").asInt()).isEqualTo(rows + 1);
        String outcome = desktop.driver().findElement(By.id("demand-upload-outcome")).getText();
        assertThat(outcome).contains("已上传“外卖平台订单热力 测试”：" + (rows + 1) + " 个点，" + rows + " 个落在本区域")
                .contains("1 个在区域外未计入（第 " + (rows + 2) + " 行）");
        assertThat(new Select(desktop.driver().findElement(By.id("plan-demand"))).getFirstSelectedOption().getAttribute("value")).isEqualTo(id);
        long weight = api().get(COVERAGE + "&demand=" + id).json().get("total").get("people").asLong();
        assertThat(weight).isEqualTo((long) rows * (rows + 1) / 2); // 1 + 2 + … + rows: the point outside is not counted
        desktop.waitFor(Duration.ofSeconds(60), d -> String.valueOf(weight).equals(totalPeople()));
        waitFor("gaps", u -> id.equals(u.get("demand")));
        waitIdle();
        desktop.screenshot("plan-demand-upload");

        // reloaded: still a choice of 服务对象
        openPlan();
        assertThat(desktop.driver().findElements(By.cssSelector("#plan-demand-uploads option[value='" + id + "']"))).hasSize(1);
    }

    /** The refused upload's 400 is the test's own doing. */
    @Override
    protected boolean expectedSevere(String message) {
        return message.contains("/api/demands") && message.contains("400");
    }

    // --- helpers -------------------------------------------------------------------------

    private void openPlan() {
        desktop.open("http://localhost:" + port() + "/plan");
        assertThat(desktop.waitForPageState()).isEqualTo("ready");
        desktop.waitFor(Duration.ofSeconds(30), d -> "ready".equals(desktop.js("return document.body.dataset.coverage")));
        waitIdle();
    }

    private void waitIdle() {
        desktop.waitFor(Duration.ofSeconds(120), d -> "0".equals(desktop.js("return document.body.dataset.busy")));
    }

    private String totalPeople() {
        return (String) desktop.js("const c = document.querySelector(\"#report-table tfoot td[data-key='people']\");"
                + " return c && c.dataset.value");
    }

    /** The service offered by the fewest stations (at least one) of those the page lists. */
    private String partlyOfferedService() {
        JsonNode stations = api().get("/api/stations").json().get("features");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonNode f : stations) {
            for (JsonNode s : f.get("properties").path("services")) {
                counts.merge(s.isTextual() ? s.asText() : s.get("code").asText(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() < stations.size())
                .filter(e -> !desktop.driver().findElements(By.cssSelector("#plan-services input[data-service='" + e.getKey() + "']")).isEmpty())
                .min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private String url(String feature) {
        return (String) desktop.js("return window.servicemap[arguments[0]].lastUrl", feature);
    }

    private void waitFor(String feature, java.util.function.Predicate<Map<String, String>> test) {
        try {
            desktop.waitFor(Duration.ofSeconds(60), d -> {
                String u = url(feature);
                return u != null && test.test(query(u));
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(feature + ": " + url(feature) + " | week " + desktop.js("const p = document.getElementById('week-panel');"
                    + " return [p.dataset.state, document.getElementById('week-toggle').getAttribute('aria-expanded')].join(' ')")
                    + " log " + desktop.log(), e);
        }
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
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
