package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Api;
import cn.servicemap.support.Browser;
import cn.servicemap.support.DemoRegionTestBase;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import java.time.Duration;
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
 * 用户管理 as in production (no demo login): a region admin signs in, reaches the page from the planner's header and
 * sees their region's users only; creates a 区县编辑 for 秦淮区 with the form (the row names the district), changes
 * their districts inline, disables them (they can no longer sign in), resets their password inline (a short one is
 * refused next to the field) and enables them again; the table scrolls inside its box on a phone; and the region
 * admin changes their own password, after which the page asks them to sign in again. An admin sees every region's
 * users (全部) or one region's.
 */
@RequiresChromium
class UsersPageBrowserTest extends DemoRegionTestBase {

    private static final String REGION = "nanjing-core";
    private static final String EDITOR = "qinhuai-editor";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @Test
    void shouldLetARegionAdminManageTheirRegionsUsersOnThePage() {
        Api admin = api();
        assertThat(admin.post("/api/users", Map.of("username", "nj-admin", "displayName", "李管理", "password", "nj-admin-password-1",
                "role", "REGION_ADMIN", "region", REGION)).status()).isEqualTo(201);
        assertThat(admin.post("/api/users", Map.of("username", "far-planner", "displayName", "远方规划", "password", "far-planner-pass-1",
                "role", "PLANNER", "region", "990300")).status()).isEqualTo(201);
        assertThat(districtName("320104")).isEqualTo("秦淮区");
        assertThat(districtName("320102")).isEqualTo("玄武区");

        try (Browser desktop = new Browser(1280, 800, 1)) {
            // the page needs a login; after it, the planner page's header leads to 用户管理
            desktop.open("http://localhost:" + port() + "/users.html");
            desktop.waitFor(Duration.ofSeconds(20), d -> d.getCurrentUrl().contains("/login.html"));
            desktop.driver().findElement(By.id("login-username")).sendKeys("nj-admin");
            desktop.driver().findElement(By.id("login-password")).sendKeys("nj-admin-password-1");
            desktop.driver().findElement(By.id("login-submit")).click();
            WebElement link = desktop.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.id("users-link")).stream().findFirst().orElse(null));
            assertThat(link.getText()).isEqualTo("用户管理");
            desktop.screenshot("plan-desktop-header");
            link.click();
            desktop.waitFor(Duration.ofSeconds(20), d -> d.getCurrentUrl().contains("/users"));
            assertThat(desktop.waitForPageState()).isEqualTo("ready");
            assertThat(text(desktop, "#user-badge")).isEqualTo("李管理（区域管理员 · nanjing-core）");
            assertThat(desktop.driver().findElement(By.id("plan-link")).getText()).isEqualTo("规划");

            // their region only: no picker to choose another, no user of another region, no admin
            Select picker = new Select(desktop.driver().findElement(By.id("users-region")));
            assertThat(picker.getOptions()).hasSize(1);
            assertThat(picker.getFirstSelectedOption().getAttribute("value")).isEqualTo(REGION);
            assertThat(usernames(desktop)).contains("nj-admin").doesNotContain("far-planner", Api.ADMIN);

            // 新建用户: a 区县编辑 of 秦淮区
            desktop.driver().findElement(By.id("new-username")).sendKeys(EDITOR);
            desktop.driver().findElement(By.id("new-name")).sendKeys("王编辑");
            desktop.driver().findElement(By.id("new-password")).sendKeys("editor-password-1");
            assertThat(new Select(desktop.driver().findElement(By.id("new-role"))).getFirstSelectedOption().getText()).isEqualTo("区县编辑");
            desktop.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.cssSelector("#new-district-boxes input[value='320104']"))).click();
            desktop.driver().findElement(By.id("new-user-submit")).click();
            desktop.waitFor(Duration.ofSeconds(10), d -> !d.findElements(row(EDITOR)).isEmpty());
            assertThat(cell(desktop, EDITOR, "col-districts")).isEqualTo("秦淮区");
            assertThat(cell(desktop, EDITOR, "col-role")).isEqualTo("区县编辑");
            assertThat(cell(desktop, EDITOR, "col-name")).isEqualTo("王编辑");
            assertThat(cell(desktop, EDITOR, "col-status")).isEqualTo("启用");
            assertThat(text(desktop, "#users-note")).contains("已新建用户 " + EDITOR);
            Api editor = api().as(EDITOR, "editor-password-1");
            assertThat(wrongCurrentPassword(editor)).as("signed in: the wrong current password is a 400").isEqualTo(400);

            // 修改角色/区县 inline: 玄武区 as well
            action(desktop, EDITOR, "edit");
            desktop.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.cssSelector("#edit-district-boxes input[value='320102']"))).click();
            desktop.driver().findElement(By.id("edit-submit")).click();
            desktop.waitFor(Duration.ofSeconds(10), d -> "玄武区、秦淮区".equals(cell(desktop, EDITOR, "col-districts")));
            assertThat(desktop.driver().findElements(By.id("edit-form"))).isEmpty();

            // 停用: they can no longer sign in, not even with HTTP Basic
            action(desktop, EDITOR, "toggle");
            desktop.waitFor(Duration.ofSeconds(10), d -> "停用".equals(cell(desktop, EDITOR, "col-status")));
            assertThat(actionButton(desktop, EDITOR, "toggle").getText()).isEqualTo("启用");
            assertThat(wrongCurrentPassword(editor)).as("disabled").isEqualTo(401);

            // 重置密码 inline: too short is refused beside the field, then a good one
            action(desktop, EDITOR, "reset");
            WebElement password = desktop.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("reset-password")));
            password.sendKeys("short");
            desktop.driver().findElement(By.id("reset-submit")).click();
            WebElement error = desktop.waitFor(Duration.ofSeconds(10), d -> {
                WebElement e = d.findElement(By.id("reset-password-error"));
                return e.isDisplayed() ? e : null;
            });
            assertThat(error.getText()).isEqualTo("密码至少 12 个字符");
            assertThat(password.getAttribute("aria-invalid")).isEqualTo("true");
            desktop.screenshot("users-reset-too-short");
            password.clear();
            password.sendKeys("editor-password-2");
            desktop.driver().findElement(By.id("reset-submit")).click();
            desktop.waitFor(Duration.ofSeconds(10), d -> d.findElements(By.id("reset-form")).isEmpty());
            assertThat(text(desktop, "#users-note")).isEqualTo("已重置 " + EDITOR + " 的密码。");

            action(desktop, EDITOR, "toggle");
            desktop.waitFor(Duration.ofSeconds(10), d -> "启用".equals(cell(desktop, EDITOR, "col-status")));
            assertThat(wrongCurrentPassword(api().as(EDITOR, "editor-password-2"))).as("enabled, the new password").isEqualTo(400);
            assertThat(wrongCurrentPassword(editor)).as("the old password").isEqualTo(401);
            JsonNode stored = admin.get("/api/users?region=" + REGION).json().get("users");
            assertThat(stored.findValuesAsString("username")).contains(EDITOR).doesNotContain("far-planner");
            assertThat(usernames(desktop)).doesNotContain("far-planner", Api.ADMIN);
            desktop.screenshot("users-desktop");

            // a phone: nothing wider than the screen, the table scrolls in its box
            desktop.emulateViewport(360, 740, 2, true);
            desktop.open("http://localhost:" + port() + "/users");
            assertThat(desktop.waitForPageState()).isEqualTo("ready");
            desktop.waitFor(Duration.ofSeconds(10), d -> !d.findElements(row(EDITOR)).isEmpty());
            assertThat(((Number) desktop.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(360);
            desktop.screenshot("users-phone");
            // the planner's header on a phone: the link to 用户管理 within the screen
            desktop.open("http://localhost:" + port() + "/plan");
            desktop.waitForPageState();
            WebElement phoneLink = desktop.waitFor(Duration.ofSeconds(20), d -> d.findElements(By.id("users-link")).stream().findFirst().orElse(null));
            desktop.screenshot("plan-phone-header");
            assertThat(((Number) desktop.js("const r = arguments[0].getBoundingClientRect(); return r.right;", phoneLink)).doubleValue())
                    .isLessThanOrEqualTo(360);
            phoneLink.click();
            assertThat(desktop.waitForPageState()).isEqualTo("ready");

            // 修改密码 for oneself: the wrong current password beside its field; then signed out everywhere
            desktop.driver().findElement(By.id("password-current")).sendKeys("not-my-password-1");
            desktop.driver().findElement(By.id("password-new")).sendKeys("nj-admin-password-2");
            desktop.driver().findElement(By.id("password-again")).sendKeys("nj-admin-password-2");
            desktop.driver().findElement(By.id("password-submit")).click();
            desktop.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("password-current-error")).isDisplayed());
            assertThat(text(desktop, "#password-current-error")).isEqualTo("当前密码不正确");
            desktop.driver().findElement(By.id("password-current")).clear();
            desktop.driver().findElement(By.id("password-current")).sendKeys("nj-admin-password-1");
            desktop.driver().findElement(By.id("password-submit")).click();
            desktop.waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("users-status")).getText().contains("密码已修改"));
            assertThat(desktop.driver().findElement(By.id("users-login")).getAttribute("href")).contains("/login.html");
            assertThat(api().as("nj-admin", "nj-admin-password-2").get("/api/users?region=" + REGION).status()).isEqualTo(200);
            assertThat(api().as("nj-admin", "nj-admin-password-1").get("/api/users?region=" + REGION).status()).isEqualTo(401);

            // an admin: every region's users (全部), or one region's
            desktop.open("http://localhost:" + port() + "/login.html?next=/users");
            desktop.driver().findElement(By.id("login-username")).sendKeys(Api.ADMIN);
            desktop.driver().findElement(By.id("login-password")).sendKeys(Api.ADMIN_PASSWORD);
            desktop.driver().findElement(By.id("login-submit")).click();
            desktop.waitFor(Duration.ofSeconds(20), d -> d.getCurrentUrl().contains("/users"));
            assertThat(desktop.waitForPageState()).isEqualTo("ready");
            desktop.waitFor(Duration.ofSeconds(10), d -> !d.findElements(row("far-planner")).isEmpty());
            Select all = new Select(desktop.driver().findElement(By.id("users-region")));
            assertThat(all.getFirstSelectedOption().getText()).isEqualTo("全部");
            assertThat(usernames(desktop)).contains(Api.ADMIN, "nj-admin", EDITOR, "far-planner");
            assertThat(cell(desktop, Api.ADMIN, "col-actions")).isEqualTo("本人：请在下方修改密码");
            all.selectByValue(REGION);
            desktop.waitFor(Duration.ofSeconds(10), d -> d.findElements(row("far-planner")).isEmpty() && !d.findElements(row(EDITOR)).isEmpty());
            assertThat(usernames(desktop)).containsExactlyInAnyOrder("nj-admin", EDITOR);
            assertThat(desktop.driver().getCurrentUrl()).contains("region=" + REGION);

            // the refusals the test provoked (400) are the only errors in the browser's log
            assertThat(desktop.severe(desktop.log())).as("SEVERE browser log entries")
                    .allMatch(m -> m.contains("status of 400") && (m.contains("/api/users/" + EDITOR) || m.contains("/api/me/password")));
        }
    }

    private String districtName(String adcode) {
        JsonNode features = api().get("/api/districts?geometry=false").json().get("features");
        for (JsonNode f : features) {
            if (adcode.equals(f.get("properties").get("adcode").asText())) {
                return f.get("properties").get("name").asText();
            }
        }
        return null;
    }

    /** POST /api/me/password with a wrong current password: 400 for a user who is signed in, 401 for one who cannot be. */
    private static int wrongCurrentPassword(Api as) {
        return as.post("/api/me/password", Map.of("currentPassword", "not-the-password-1", "newPassword", "whatever-password-1")).status();
    }

    private static By row(String username) {
        return By.cssSelector("#users-rows tr.user-row[data-username='" + username + "']");
    }

    /** A cell's text, read in one step (the table is redrawn after every change), or null without such a row. */
    private static String cell(Browser b, String username, String column) {
        Object text = b.js("const r = document.querySelector(\"#users-rows tr.user-row[data-username='\" + arguments[0] + \"']\");"
                + " const c = r && r.querySelector('.' + arguments[1]); return c ? c.innerText.trim() : null;", username, column);
        return text == null ? null : text.toString();
    }

    private static WebElement actionButton(Browser b, String username, String action) {
        return b.driver().findElement(row(username)).findElement(By.cssSelector("button[data-action='" + action + "']"));
    }

    private static void action(Browser b, String username, String action) {
        actionButton(b, username, action).click();
    }

    @SuppressWarnings("unchecked")
    private static List<String> usernames(Browser b) {
        return (List<String>) b.js("return [...document.querySelectorAll('#users-rows tr.user-row')].map(r => r.dataset.username)");
    }

    private static String text(Browser b, String css) {
        return b.driver().findElement(By.cssSelector(css)).getText();
    }
}
