package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.DesktopBrowserTestBase;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * 站点标准与星级 in real Chromium over the Nanjing demo: the planner sees the stations below the region's checklist per
 * district (the API's table), chooses 武汉“七个一” and sees the table follow, opens a station from it and reads its ✗ items
 * in its details, and records a star grade for a station never reviewed — refused beside the field while the reviewer is
 * missing, then saved: the station leaves the list and its detail shows the stars.
 */
@RequiresChromium
class PlannerStandardsBrowserTest extends DesktopBrowserTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @Test
    void shouldShowStationsBelowTheChecklistAndRecordAReview() {
        desktop.open("http://localhost:" + port() + "/plan");
        assertThat(desktop.waitForPageState()).isEqualTo("ready");
        waitPanel();
        JsonNode table = api().get("/api/planning/standards/compliance").json();
        assertThat(table.get("below").asInt()).isPositive();
        assertThat(text("standard-summary")).contains(table.get("standard").get("name").asText())
                .contains(table.get("below").asInt() + " 个未达标");
        assertThat(desktop.driver().findElements(By.cssSelector("#standard-table tr.standard-station"))).hasSize(table.get("below").asInt());
        assertThat(text("standard-origin")).contains("尚未选择");

        // the region chooses 武汉“七个一”: recorded with who chose it, the table follows
        WebElement select = desktop.driver().findElement(By.id("standard-select"));
        desktop.js("arguments[0].scrollIntoView({block: 'center'})", select);
        new Select(select).selectByValue("WUHAN_7");
        desktop.driver().findElement(By.id("standard-setby")).sendKeys("市总工会 规划处");
        desktop.driver().findElement(By.id("standard-save")).click();
        desktop.waitFor(Duration.ofSeconds(30), d -> text("standard-summary").startsWith("武汉“七个一”"));
        waitPanel();
        JsonNode wuhan = api().get("/api/planning/standards/compliance").json();
        assertThat(wuhan.get("regionChosen").asBoolean()).isTrue();
        assertThat(text("standard-origin")).contains("武汉“七个一”", "市总工会 规划处");
        assertThat(text("standard-summary")).contains(wuhan.get("below").asInt() + " 个未达标");
        List<String> missing = new ArrayList<>();
        JsonNode first = firstStationBelow(wuhan);
        first.get("missing").forEach(m -> missing.add(m.asText()));
        assertThat(missing).contains("一台冰箱"); // no demo station records a fridge

        // a station from the table: its details list the ✗ items
        WebElement open = desktop.driver().findElement(By.cssSelector("#standard-table tr[data-station-id='" + first.get("id").asLong()
                + "'] .standard-station-name"));
        desktop.js("arguments[0].scrollIntoView({block: 'center'})", open);
        open.click();
        By missingItems = By.cssSelector(".leaflet-popup .station-details[data-station-id='" + first.get("id").asLong()
                + "'] .st-standard .std-missing");
        desktop.waitFor(Duration.ofSeconds(20), d -> !d.findElements(missingItems).isEmpty());
        List<String> shown = desktop.driver().findElements(missingItems).stream().map(e -> e.getAttribute("data-item")).toList();
        assertThat(shown).containsExactlyElementsOf(missing);
        desktop.screenshot("plan-standards-detail");

        // a review for a station never reviewed: refused beside the reviewer field, then saved
        JsonNode due = api().get("/api/planning/grades/due").json();
        JsonNode never = null;
        for (JsonNode s : due.get("stations")) {
            if (never == null && s.get("reasons").toString().contains("NEVER_REVIEWED")) {
                never = s;
            }
        }
        assertThat(never).isNotNull();
        long id = never.get("stationId").asLong();
        String item = "#grades-due li[data-station-id='" + id + "'] ";
        if (desktop.driver().findElements(By.cssSelector(item)).isEmpty()) {
            desktop.driver().findElement(By.id("grades-more")).click();
        }
        WebElement record = desktop.driver().findElement(By.cssSelector(item + ".grade-open"));
        desktop.js("arguments[0].scrollIntoView({block: 'center'})", record);
        record.click();
        desktop.driver().findElement(By.cssSelector(item + "input[name='evidence']")).sendKeys("2026年11月现场检查记录");
        desktop.driver().findElement(By.cssSelector(item + ".grade-save")).click();
        By reviewerError = By.cssSelector(item + "[data-error-for='reviewer']");
        desktop.waitFor(Duration.ofSeconds(20), d -> d.findElement(reviewerError).isDisplayed());
        assertThat(desktop.driver().findElement(reviewerError).getText()).contains("请写明评定人").doesNotContain("(");
        assertThat(desktop.driver().findElement(By.cssSelector(item + "[data-error-for='stars']")).getText()).contains("星级须为 1 到 5 星");
        assertThat(desktop.driver().findElement(By.cssSelector(item + "[data-error-for='evidence']")).isDisplayed()).isFalse();
        assertThat(api().get("/api/stations/" + id).json().get("properties").get("starGrade").isNull()).isTrue();

        new Select(desktop.driver().findElement(By.cssSelector(item + "select[name='stars']"))).selectByValue("4");
        desktop.driver().findElement(By.cssSelector(item + "input[name='reviewer']")).sendKeys("秦淮区总工会 星级评定小组");
        desktop.driver().findElement(By.cssSelector(item + ".grade-save")).click();
        desktop.waitFor(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector(item)).isEmpty());
        JsonNode grade = api().get("/api/stations/" + id).json().get("properties").get("starGrade");
        assertThat(grade.get("stars").asInt()).isEqualTo(4);
        assertThat(grade.get("reviewer").asText()).isEqualTo("秦淮区总工会 星级评定小组");
        assertThat(text("grades-summary")).contains("待评定 " + (due.get("neverReviewed").asInt() - 1) + " 个");
        desktop.screenshot("plan-standards-reviewed");

        // its details show the stars (the map's copy of the station was refreshed)
        desktop.js("window.servicemap.stations.open(arguments[0])", id);
        By stars = By.cssSelector(".leaflet-popup .station-details[data-station-id='" + id + "'] .st-grade .stars");
        desktop.waitFor(Duration.ofSeconds(20), d -> !d.findElements(stars).isEmpty());
        assertThat(desktop.driver().findElement(stars).getAttribute("textContent")).isEqualTo("★★★★☆");
    }

    /** The refused review's 400 is the test's own doing. */
    @Override
    protected boolean expectedSevere(String message) {
        return message.contains("/grades") && message.contains("400");
    }

    private void waitPanel() {
        desktop.waitFor(Duration.ofSeconds(60), d -> "ready".equals(desktop.js("return document.getElementById('standards-panel').dataset.state")));
    }

    private String text(String id) {
        return desktop.driver().findElement(By.id(id)).getText();
    }

    private static JsonNode firstStationBelow(JsonNode table) {
        for (JsonNode d : table.get("districts")) {
            if (d.get("stations").size() > 0) {
                return d.get("stations").get(0);
            }
        }
        throw new AssertionError("no station below the checklist");
    }
}
