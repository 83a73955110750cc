package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.DesktopBrowserTestBase;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
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
