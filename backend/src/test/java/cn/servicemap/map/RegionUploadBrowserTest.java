package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.gis.synthetic.SyntheticCity;
import cn.servicemap.support.DesktopBrowserTestBase;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * 区域管理 on the planner page in real Chromium: a generated city's files uploaded through the form — first with a
 * census table that matches no district (the reason shown beside the census input, nothing imported), then with the
 * right one: the job's progress bar, 导入完成 with a link to the new region, and the region listed as 可用 both on the
 * page and by GET /api/regions.
 */
@RequiresChromium
class RegionUploadBrowserTest extends DesktopBrowserTestBase {

    private static final String CODE = "990500";
    /** The one SEVERE entry this test provokes: the refused upload (400) of a census table for no district. */
    private static final String EXPECTED_400 = "/api/regions - Failed to load resource: the server responded with a status of 400";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
        r.add("servicemap.regions-dir", () -> "target/test-regions/" + UUID.randomUUID());
    }

    @Override
    protected boolean expectedSevere(String message) {
        return message.contains(EXPECTED_400);
    }

    @Test
    void shouldUploadARegionShowTheRefusedFileThenWatchTheImportToTheEnd(@TempDir Path dir) throws IOException {
        SyntheticCity city = new SyntheticCity(9L, 117.5, 31.5, 12, 10, 150, 2, 2);
        Path osm = dir.resolve("city.osm");
        Path districts = dir.resolve("districts.json");
        Path census = dir.resolve("census.csv");
        Path wrongCensus = dir.resolve("nanjing-census.csv");
        city.writeOsm(osm, 4);
        city.writeDistricts(districts);
        city.writeCensus(census);
        Files.writeString(wrongCensus, "CODE,NAME,POPU\n320102,玄武区,537825\n", StandardCharsets.UTF_8);
        assertThat(regionStatus(CODE)).as("not there before").isNull();

        openPlan();
        WebElement panel = desktop.driver().findElement(By.id("regions-panel"));
        assertThat(panel.getText()).contains("区域管理");
        assertThat(desktop.driver().findElement(By.id("regions-body")).isDisplayed()).as("collapsed at first").isFalse();
        WebElement toggle = desktop.driver().findElement(By.id("regions-toggle"));
        toggle.click();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        desktop.waitFor(Duration.ofSeconds(10), d -> "ready".equals(panel.getAttribute("data-state")));
        // the demo region: listed as 可用 with a link that opens it
        List<WebElement> items = desktop.driver().findElements(By.cssSelector("#region-list .region-item"));
        assertThat(items).hasSize(api().get("/api/regions").json().get("regions").size()).isNotEmpty();
        String demo = items.get(0).getAttribute("data-code");
        assertThat(items.get(0).getText()).contains(demo).contains("可用").contains("个区县").contains("个站点");
        assertThat(items.get(0).findElement(By.cssSelector("a.region-open")).getAttribute("href")).endsWith("/plan?region=" + demo);

        // every input has its label; the coordinate system defaults to GCJ02 (DataV)
        for (String field : List.of("code", "name", "crs", "osm", "districts", "census")) {
            WebElement input = input(field);
            assertThat(desktop.driver().findElements(By.cssSelector("label[for='" + input.getAttribute("id") + "']")))
                    .as("label of " + field).hasSize(1);
        }
        Select crs = new Select(input("crs"));
        assertThat(crs.getFirstSelectedOption().getAttribute("value")).isEqualTo("GCJ02");
        assertThat(crs.getFirstSelectedOption().getText()).contains("DataV");

        // 1. a census table for no district of the city: refused at once, the reason beside the census input
        input("code").sendKeys(CODE);
        input("name").sendKeys("合成测试市");
        crs.selectByValue("WGS84");
        input("osm").sendKeys(osm.toAbsolutePath().toString());
        input("districts").sendKeys(districts.toAbsolutePath().toString());
        input("census").sendKeys(wrongCensus.toAbsolutePath().toString());
        submit().click();
        WebElement censusError = desktop.waitFor(Duration.ofSeconds(20), d -> visible(d, "#region-census-error"));
        assertThat(censusError.getText()).contains("人口普查").doesNotContain("(the census");
        assertThat(input("census").getAttribute("aria-invalid")).isEqualTo("true");
        for (String other : List.of("code", "name", "crs", "osm", "districts")) {
            assertThat(desktop.driver().findElement(By.id("region-" + other + "-error")).isDisplayed()).as(other + " error").isFalse();
        }
        assertThat(desktop.driver().findElement(By.id("region-job-progress")).isDisplayed()).isFalse();
        assertThat(regionStatus(CODE)).as("nothing imported from a refused upload").isNull();
        desktop.screenshot("plan-region-upload-refused");

        // 2. the right census: accepted, watched as a job to the end
        input("census").sendKeys(census.toAbsolutePath().toString());
        submit().click();
        WebElement bar = desktop.waitFor(Duration.ofSeconds(20), d -> visible(d, "progress.job-progress"));
        assertThat(bar.getAttribute("max")).isEqualTo("100");
        assertThat(desktop.driver().findElement(By.id("region-census-error")).isDisplayed()).as("old error cleared").isFalse();
        WebElement outcome = desktop.waitFor(Duration.ofSeconds(60), d -> {
            WebElement o = visible(d, "#region-job-outcome");
            return o != null && o.getText().contains("导入") ? o : null;
        });
        assertThat(outcome.getText()).startsWith("导入完成").contains(CODE);
        assertThat(outcome.findElement(By.id("region-open-new")).getText()).isEqualTo("打开该区域");
        assertThat(outcome.findElement(By.id("region-open-new")).getAttribute("href")).endsWith("/plan?region=" + CODE);
        assertThat(desktop.driver().findElement(By.id("region-job-progress")).isDisplayed()).as("progress hidden when done").isFalse();

        // the list refreshed: the new region 可用
        WebElement added = desktop.waitFor(Duration.ofSeconds(10), d -> d.findElements(
                By.cssSelector("#region-list .region-item[data-code='" + CODE + "'][data-status='READY']")).stream().findFirst().orElse(null));
        assertThat(added.getText()).contains("合成测试市").contains(CODE).contains("可用").contains("4 个区县");
        assertThat(added.findElement(By.cssSelector("a.region-open")).getAttribute("href")).endsWith("/plan?region=" + CODE);
        assertThat(regionStatus(CODE)).isEqualTo("READY");
        desktop.js("arguments[0].scrollIntoView({block: 'center'})", outcome);
        desktop.screenshot("plan-region-upload");
    }

    // --- helpers -------------------------------------------------------------------------

    private void openPlan() {
        desktop.open("http://localhost:" + port() + "/plan");
        assertThat(desktop.waitForPageState()).isEqualTo("ready");
        desktop.waitFor(Duration.ofSeconds(30), d -> "ready".equals(desktop.js("return document.body.dataset.coverage")));
        desktop.waitFor(Duration.ofSeconds(30), d -> "ready".equals(desktop.js(
                "return document.getElementById('regions-panel').dataset.mounted")));
    }

    private WebElement input(String field) {
        return desktop.driver().findElement(By.id("region-" + field));
    }

    private WebElement submit() {
        return desktop.driver().findElement(By.id("region-submit"));
    }

    private static WebElement visible(WebDriver d, String css) {
        return d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    /** The region's status by GET /api/regions, or null when it is not listed. */
    private String regionStatus(String code) {
        for (JsonNode r : api().get("/api/regions").json().get("regions")) {
            if (code.equals(r.get("region").get("code").asText())) {
                return r.get("region").get("status").asText();
            }
        }
        return null;
    }
}
