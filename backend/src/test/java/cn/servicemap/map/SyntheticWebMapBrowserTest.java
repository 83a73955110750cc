package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Browser;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without the shared data the demo is a generated city: the page says so where anyone looks. */
@RequiresChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "servicemap.data-dir=${java.io.tmpdir}/servicemap-no-shared-data")
class SyntheticWebMapBrowserTest {

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @Test
    void shouldLabelTheSyntheticRegionOnBothPages() {
        try (Browser phone = new Browser(360, 740, 2)) {
            for (String page : new String[] {"/", "/plan"}) {
                phone.open("http://localhost:" + port + page);
                assertThat(phone.waitForPageState()).isEqualTo("ready");
                WebElementsVisible.assertVisibleText(phone, ".badge-synthetic", "合成示例数据");
                WebElementsVisible.assertVisibleText(phone, ".synthetic-ribbon", "合成示例数据");
                WebMapBrowserTest.waitForBasemap(phone);
                @SuppressWarnings("unchecked")
                Map<String, Object> canvas = (Map<String, Object>) phone.js(WebMapBrowserTest.SAMPLE_TILES);
                assertThat(((Number) canvas.get("roads")).intValue()).as("synthetic streets drawn").isPositive();
                assertThat(phone.driver().findElements(By.cssSelector(".station-marker, .station-cluster"))).isNotEmpty();
                assertThat(phone.severe(phone.log())).isEmpty();
                phone.screenshot("synthetic" + (page.equals("/") ? "-worker" : "-plan") + "-360px");
            }
        }
    }

    /** Small helper: an element is displayed and holds the text. */
    static final class WebElementsVisible {
        static void assertVisibleText(Browser b, String css, String text) {
            WebElement e = b.driver().findElement(By.cssSelector(css));
            assertThat(e.isDisplayed()).as(css + " visible").isTrue();
            assertThat(e.getText()).contains(text);
        }
    }
}
