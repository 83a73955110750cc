package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Browser;
import cn.servicemap.support.DesktopBrowserTestBase;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
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
 * 编辑站点 on the planner page in real Chromium (the demo planner, who may edit every station): a station's popup opens
 * its registry record in a form, read from GET /api/stations/{id} and saved with PUT and If-Match; the record changes
 * and the popup shows it; a bad opening-hours text is named beside its input and nothing is saved; a version changed
 * by someone else in between is refused with 该站点已被他人修改 and nothing is overwritten.
 */
@RequiresChromium
class StationEditBrowserTest extends DesktopBrowserTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @Test
    void shouldSaveEntryStaffingAreaServiceAndHoursAndShowThemInThePopup() {
        JsonNode station = station(0);
        String id = station.get("id").asText();
        int version = station.get("properties").get("version").asInt();
        String service = serviceNotOffered(station);

        openForm(id);
        new Select(input("entry")).selectByValue("CODE_LOCK");
        new Select(input("staffed")).selectByValue("false");
        type("areaM2", "18.5");
        type("openingHours", "Mo-Su 07:00-21:00");
        WebElement box = desktop.driver().findElement(By.id("station-edit-service-" + service));
        desktop.js("arguments[0].scrollIntoView({block: 'center'})", box);
        box.click();
        desktop.screenshot("plan-station-edit-form");
        save("saved");

        JsonNode p = api().get("/api/stations/" + id).json().get("properties");
        assertThat(p.get("version").asInt()).isEqualTo(version + 1);
        assertThat(p.get("access").get("entry").asText()).isEqualTo("CODE_LOCK");
        assertThat(p.get("access").get("staffed").asBoolean()).isFalse();
        assertThat(p.get("access").get("areaM2").asDouble()).isEqualTo(18.5);
        assertThat(p.get("openingHours").get("osm").asText()).isEqualTo("Mo-Su 07:00-21:00");
        assertThat(p.get("services").findValuesAsString("code")).contains(service)
                .containsAll(station.get("properties").get("services").findValuesAsString("code"));
        assertThat(p.get("name").asText()).isEqualTo(station.get("properties").get("name").asText());
        assertThat(message()).contains("已保存");

        // the open popup shows the record as saved
        String access = (String) desktop.js("const a = document.querySelector('.leaflet-popup .st-access'); return a ? a.dataset.entry + '|' + a.textContent : ''");
        assertThat(access).startsWith("CODE_LOCK|").contains("密码锁").contains("自助（无人值守）").contains("18.5 ㎡");
        desktop.js("document.getElementById('station-edit-cancel').click()");
        assertThat(desktop.js("return document.getElementById('station-edit').open")).isEqualTo(false);
        // the focus goes back to 编辑站点
        assertThat(desktop.js("return document.activeElement.classList.contains('station-edit-open')")).isEqualTo(true);
        // the map's own copy of the station is the saved one (what the list and the popups read)
        assertThat(desktop.js("return window.servicemap.stationData.features.find(f => f.id === Number(arguments[0])).properties.access.entry", id))
                .isEqualTo("CODE_LOCK");
    }

    @Test
    void shouldNameABadOpeningHoursTextBesideItsInputAndSaveNothing() {
        JsonNode station = station(1);
        String id = station.get("id").asText();
        JsonNode before = api().get("/api/stations/" + id).json().get("properties");

        openForm(id);
        type("name", before.get("name").asText() + "（改）");
        type("openingHours", "每逢初一 25:00-26:00");
        save("rejected");

        WebElement error = desktop.driver().findElement(By.id("station-edit-openingHours-error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).isNotBlank();
        assertThat(input("openingHours").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(desktop.js("return document.activeElement.id")).isEqualTo("station-edit-openingHours");
        assertThat(desktop.driver().findElement(By.id("station-edit-name-error")).isDisplayed()).isFalse();
        assertThat(message()).contains("没有保存");
        desktop.screenshot("plan-station-edit-error");

        JsonNode after = api().get("/api/stations/" + id).json().get("properties");
        assertThat(after.get("version").asInt()).isEqualTo(before.get("version").asInt());
        assertThat(after.get("name").asText()).isEqualTo(before.get("name").asText());
        assertThat(after.get("openingHours")).isEqualTo(before.get("openingHours"));
        desktop.js("document.getElementById('station-edit-cancel').click()");
    }

    @Test
    void shouldRefuseAStaleVersionOverwriteNothingAndReadTheCurrentOne() {
        JsonNode station = station(2);
        String id = station.get("id").asText();
        int version = station.get("properties").get("version").asInt();

        openForm(id);
        // someone else changes the station between reading and saving
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", station.get("properties").get("name").asText());
        body.put("kind", station.get("properties").get("kind").asText());
        body.put("lon", station.get("geometry").get("coordinates").get(0).asDouble());
        body.put("lat", station.get("geometry").get("coordinates").get(1).asDouble());
        body.put("phone", "025-87654321");
        body.put("entry", "OPEN");
        assertThat(api().put("/api/stations/" + id, body, Map.of("If-Match", "\"" + version + "\"")).status()).isEqualTo(200);

        new Select(input("entry")).selectByValue("FACE_OR_ID");
        save("conflict");
        assertThat(message()).contains("该站点已被他人修改，请刷新后再改");
        desktop.screenshot("plan-station-edit-conflict");
        JsonNode p = api().get("/api/stations/" + id).json().get("properties");
        assertThat(p.get("version").asInt()).isEqualTo(version + 1);
        assertThat(p.get("access").get("entry").asText()).isEqualTo("OPEN");
        assertThat(p.get("phone").asText()).isEqualTo("025-87654321");

        // 读取最新版本: the form now holds the other edit, and saving on it works
        desktop.js("document.getElementById('station-edit-reload').click()");
        desktop.waitFor(Duration.ofSeconds(10), d -> "ready".equals(desktop.js("return document.getElementById('station-edit').dataset.state")));
        assertThat(input("phone").getAttribute("value")).isEqualTo("025-87654321");
        assertThat(desktop.js("return document.getElementById('station-edit').dataset.version")).isEqualTo(String.valueOf(version + 1));
        new Select(input("entry")).selectByValue("FACE_OR_ID");
        save("saved");
        JsonNode saved = api().get("/api/stations/" + id).json().get("properties");
        assertThat(saved.get("version").asInt()).isEqualTo(version + 2);
        assertThat(saved.get("access").get("entry").asText()).isEqualTo("FACE_OR_ID");
        assertThat(saved.get("phone").asText()).isEqualTo("025-87654321");
        desktop.js("document.getElementById('station-edit-cancel').click()");
    }

    /**
     * A district editor on a phone-sized screen: 编辑站点 only on the stations of their own district; the form fits the
     * screen and saves; moving a station into another district is refused (403) in words and changes nothing.
     */
    @Test
    void shouldOfferTheFormOnlyToEditorsOfTheDistrictAndFitANarrowScreen() {
        // two stations in different districts, neither touched by the other tests
        JsonNode own = null;
        JsonNode other = null;
        List<JsonNode> candidates = openStations();
        for (JsonNode f : candidates.subList(3, candidates.size())) {
            JsonNode a = f.get("properties").get("adcode");
            if (a == null || a.isNull()) {
                continue;
            }
            if (own == null) {
                own = f;
            } else if (!a.asText().equals(own.get("properties").get("adcode").asText())) {
                other = f;
                break;
            }
        }
        assertThat(own).isNotNull();
        String adcode = own.get("properties").get("adcode").asText();
        assertThat(other).as("a station in another district").isNotNull();
        assertThat(api().post("/api/users", Map.of("username", "edit-own-district", "displayName", "李编辑", "password", "editor-password-1",
                "role", "DISTRICT_EDITOR", "region", "nanjing-core", "districts", List.of(adcode))).status()).isEqualTo(201);
        String ownId = own.get("id").asText();
        int version = own.get("properties").get("version").asInt();

        try (Browser phone = new Browser(390, 844, 1)) {
            // signed in as the editor (the demo login gives way to a signed-in user)
            phone.open("http://localhost:" + port() + "/login.html?next=/plan");
            phone.driver().findElement(By.id("login-username")).sendKeys("edit-own-district");
            phone.driver().findElement(By.id("login-password")).sendKeys("editor-password-1");
            phone.driver().findElement(By.id("login-submit")).click();
            phone.waitFor(Duration.ofSeconds(30), d -> d.getCurrentUrl().endsWith("/plan") && !d.findElements(By.id("user-badge")).isEmpty());
            assertThat(phone.waitForPageState()).isEqualTo("ready");
            phone.waitFor(Duration.ofSeconds(30), d -> phone.js("return document.querySelector('.panel-body[data-mounting]')") == null);
            // the planning tools are a planner's: their panels are not there and the markers do not move; 职工反馈 is
            assertThat(phone.js("return ['whatif', 'siting', 'compliance', 'standards', 'compare']"
                    + ".filter(f => !document.querySelector(`[data-feature=\"${f}\"]`).hidden)")).asList().isEmpty();
            assertThat(phone.js("return document.querySelector('[data-feature=\"problems\"]').hidden")).isEqualTo(false);
            assertThat(phone.js("return window.servicemap.stations.options.draggable")).isEqualTo(false);

            // another district's station: its popup has no 编辑站点
            phone.js("window.servicemap.stations.open(Number(arguments[0]))", other.get("id").asText());
            phone.waitFor(Duration.ofSeconds(10), d -> !d.findElements(By.cssSelector(".leaflet-popup .history-open")).isEmpty());
            assertThat(phone.js("const r = document.querySelector('.leaflet-popup .station-edit-open-row'); return r ? r.hidden : null")).isEqualTo(true);
            phone.js("window.servicemap.map.closePopup()");

            // their own: the form, within the screen's width
            phone.js("window.servicemap.stations.open(Number(arguments[0]))", ownId);
            WebElement open = phone.waitFor(Duration.ofSeconds(10), d -> d.findElements(
                    By.cssSelector(".leaflet-popup .station-edit-open-row:not([hidden]) .station-edit-open")).stream().findFirst().orElse(null));
            phone.js("arguments[0].click()", open);
            phone.waitFor(Duration.ofSeconds(10), d -> "ready".equals(phone.js("return document.getElementById('station-edit').dataset.state")));
            assertThat((Boolean) phone.js("const d = document.getElementById('station-edit'); const f = document.getElementById('station-edit-form');"
                    + "return d.getBoundingClientRect().width <= window.innerWidth && f.scrollWidth <= f.clientWidth")).isTrue();
            phone.screenshot("plan-station-edit-phone");

            // moved into a district that is not theirs: 403 in words, nothing changed
            setValue(phone, "lon", other.get("geometry").get("coordinates").get(0).asText());
            setValue(phone, "lat", other.get("geometry").get("coordinates").get(1).asText());
            phone.js("document.getElementById('station-edit-save').click()");
            phone.waitFor(Duration.ofSeconds(15), d -> "rejected".equals(phone.js("return document.getElementById('station-edit').dataset.state")));
            assertThat((String) phone.js("return document.getElementById('station-edit-message').textContent")).startsWith("您无权修改此站点");
            assertThat(api().get("/api/stations/" + ownId).json().get("properties").get("version").asInt()).isEqualTo(version);

            // back in place, 无障碍进入 是: saved as the editor
            setValue(phone, "lon", own.get("geometry").get("coordinates").get(0).asText());
            setValue(phone, "lat", own.get("geometry").get("coordinates").get(1).asText());
            phone.js("const s = document.getElementById('station-edit-stepFree'); s.value = 'true'; s.dispatchEvent(new Event('change'));");
            phone.js("document.getElementById('station-edit-save').click()");
            phone.waitFor(Duration.ofSeconds(15), d -> "saved".equals(phone.js("return document.getElementById('station-edit').dataset.state")));
            JsonNode saved = api().get("/api/stations/" + ownId).json().get("properties");
            assertThat(saved.get("access").get("stepFree").asBoolean()).isTrue();
            assertThat(saved.get("version").asInt()).isEqualTo(version + 1);
            assertThat(api().get("/api/stations/" + ownId + "/history").json().get("versions").findValuesAsString("actor"))
                    .last().isEqualTo("edit-own-district");
            // the refused move is the only request refused: no panel asked for what a district editor may not see
            assertThat(phone.severe(phone.log())).as("SEVERE browser log entries")
                    .allMatch(m -> m.contains("/login") || m.contains("/api/stations/" + ownId + " ") && m.contains("403"));
        }
    }

    @Override
    protected boolean expectedSevere(String message) {
        // the refused saves: a bad opening-hours text (400) and a stale version (412)
        return message.contains("/api/stations/") && (message.contains("400") || message.contains("412"));
    }

    // --- helpers -------------------------------------------------------------------------

    /** The n-th open outdoor station of the demo region. */
    private JsonNode station(int n) {
        return openStations().get(n);
    }

    private List<JsonNode> openStations() {
        List<JsonNode> open = new ArrayList<>();
        for (JsonNode f : api().get("/api/stations?kind=OUTDOOR_STATION").json().get("features")) {
            if ("OPEN".equals(f.get("properties").get("status").asText())) {
                open.add(f);
            }
        }
        return open;
    }

    private String serviceNotOffered(JsonNode station) {
        List<String> offered = station.get("properties").get("services").findValuesAsString("code");
        for (JsonNode s : api().get("/api/catalog").json().get("services")) {
            if (!offered.contains(s.get("code").asText())) {
                return s.get("code").asText();
            }
        }
        throw new IllegalStateException("the station offers every service");
    }

    /** Opens the planner page, the station's popup and its 编辑站点 form, and waits until the form holds the record. */
    private void openForm(String id) {
        desktop.open("http://localhost:" + port() + "/plan");
        assertThat(desktop.waitForPageState()).isEqualTo("ready");
        desktop.js("window.servicemap.stations.open(Number(arguments[0]))", id);
        WebElement open = desktop.waitFor(Duration.ofSeconds(10), d -> d.findElements(
                By.cssSelector(".leaflet-popup .station-edit-open-row:not([hidden]) .station-edit-open")).stream().findFirst().orElse(null));
        desktop.js("arguments[0].click()", open);
        desktop.waitFor(Duration.ofSeconds(10), d -> "ready".equals(desktop.js("return document.getElementById('station-edit').dataset.state")));
        assertThat(desktop.js("return document.getElementById('station-edit').open")).isEqualTo(true);
    }

    private WebElement input(String field) {
        return desktop.driver().findElement(By.id("station-edit-" + field));
    }

    private void type(String field, String text) {
        WebElement e = input(field);
        desktop.js("arguments[0].scrollIntoView({block: 'center'})", e);
        e.clear();
        e.sendKeys(text);
    }

    private void save(String state) {
        desktop.js("document.getElementById('station-edit-save').click()");
        desktop.waitFor(Duration.ofSeconds(15), d -> state.equals(desktop.js("return document.getElementById('station-edit').dataset.state")));
    }

    private void setValue(Browser b, String field, String value) {
        b.js("const e = document.getElementById('station-edit-' + arguments[0]); e.value = arguments[1];", field, value);
    }

    private String message() {
        return (String) desktop.js("return document.getElementById('station-edit-message').textContent");
    }
}
