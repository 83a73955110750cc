package cn.servicemap.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Browser;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresChromium
class RegionsApiH2Test extends RegionsApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    /** Both pages open the first ready region, name it in the address, and switch to the other with the menu. */
    @Test
    @Order(3)
    void shouldSwitchRegionsOnThePagesAndKeepTheRegionInTheAddress() {
        try (Browser desktop = new Browser(1280, 800, 1)) {
            desktop.open("http://localhost:" + port() + "/plan");
            desktop.waitForPageState();
            String address = desktop.driver().getCurrentUrl();
            assertThat(address).containsPattern("region=(" + CITY + "|nanjing-core)");
            org.openqa.selenium.support.ui.Select menu = new org.openqa.selenium.support.ui.Select(
                    desktop.driver().findElement(org.openqa.selenium.By.cssSelector(".region-switcher")));
            assertThat(menu.getOptions()).extracting(org.openqa.selenium.WebElement::getText).contains("合成第二城");
            menu.selectByValue(CITY);
            desktop.waitFor(java.time.Duration.ofSeconds(15), d -> d.getCurrentUrl().contains("region=" + CITY) ? true : null);
            desktop.waitForPageState();
            assertThat(new org.openqa.selenium.support.ui.Select(desktop.driver().findElement(
                    org.openqa.selenium.By.cssSelector(".region-switcher"))).getFirstSelectedOption().getText()).isEqualTo("合成第二城");
            // the city's stations, not Nanjing's, are on its map
            desktop.waitFor(java.time.Duration.ofSeconds(15), d -> !d.findElements(org.openqa.selenium.By.cssSelector(".station-marker")).isEmpty());
            assertThat(desktop.driver().findElement(org.openqa.selenium.By.cssSelector("a.nav-link")).getAttribute("href"))
                    .contains("region=" + CITY);
            desktop.screenshot("plan-second-region");
            assertThat(desktop.severe(desktop.log())).as("SEVERE browser log entries").isEmpty();
        }
    }

}
