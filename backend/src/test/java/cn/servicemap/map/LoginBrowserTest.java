package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Browser;
import cn.servicemap.support.DemoRegionTestBase;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in, as in production (no demo login): the planner page sends a person to the Chinese login page; a wrong
 * password says so; the right one comes back to the planner page with the user shown, and the page's writes pass the
 * CSRF check (a target set from the page).
 */
@RequiresChromium
class LoginBrowserTest extends DemoRegionTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @Test
    void shouldSignInOnTheLoginPageAndWriteFromThePlannerPage() {
        assertThat(api().post("/api/users", java.util.Map.of("username", "browser-planner", "displayName", "张规划",
                "password", "planner-password-1", "role", "PLANNER", "region", "nanjing-core")).status()).isEqualTo(201);
        try (Browser desktop = new Browser(1280, 800, 1)) {
            desktop.open("http://localhost:" + port() + "/plan");
            desktop.waitFor(Duration.ofSeconds(20), d -> d.getCurrentUrl().contains("/login.html"));
            assertThat(desktop.driver().findElement(By.tagName("h2")).getText()).isEqualTo("规划与编辑人员登录");

            desktop.driver().findElement(By.id("login-username")).sendKeys("browser-planner");
            desktop.driver().findElement(By.id("login-password")).sendKeys("wrong-password");
            desktop.driver().findElement(By.id("login-submit")).click();
            desktop.waitFor(Duration.ofSeconds(20), d -> d.findElement(By.id("login-message")).isDisplayed());
            assertThat(desktop.driver().findElement(By.id("login-message")).getText()).isEqualTo("用户名或密码不正确。");
            desktop.screenshot("login-failed");

            desktop.driver().findElement(By.id("login-username")).clear();
            desktop.driver().findElement(By.id("login-username")).sendKeys("browser-planner");
            desktop.driver().findElement(By.id("login-password")).sendKeys("planner-password-1");
            desktop.driver().findElement(By.id("login-submit")).click();
            desktop.waitFor(Duration.ofSeconds(30), d -> d.getCurrentUrl().endsWith("/plan") && !d.findElements(By.id("user-badge")).isEmpty());
            assertThat(desktop.driver().findElement(By.id("user-badge")).getText()).isEqualTo("张规划（规划员 · nanjing-core）");

            // a write from the page: the CSRF header goes with it
            Object status = desktop.jsAsync("const done = arguments[arguments.length - 1];"
                    + "import('/js/api.js').then(m => m.putJson('/api/planning/targets/SHUANG15_OVERLAP_SHARE',"
                    + " {value: 60, setBy: '张规划'})).then(t => done(t.value), e => done('error ' + e.message));");
            assertThat(status).isEqualTo(60L);
            assertThat(api().get("/api/planning/targets").json().get("targets").findValues("setBy").toString()).contains("张规划");
            assertThat(desktop.severe(desktop.log())).as("SEVERE browser log entries").allMatch(m -> m.contains("/login"));
        }
    }
}
