package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.support.Color;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The planner page in real Chromium draws what the API says, not copies of it: the service-area
 * bands of GET /api/map-config (configured here as 4/8/12/16 minutes, not the usual 5/10/15), the
 * station kinds' names, glyphs and colours of GET /api/catalog, and district names as imported —
 * a name holding markup is shown as text, never parsed or run.
 */
@RequiresChromium
class PlannerApiDataBrowserTest extends DesktopBrowserTestBase {

    private static final List<Integer> BANDS = List.of(4, 8, 12, 16);
    /** Markup that runs script if a page ever parses it: it counts into window.__xss. */
    private static final String MARKUP = "<img src=x onerror=\"window.__xss=(window.__xss||0)+1\"><b>";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
        r.add("servicemap.network.bands-in-minutes", () -> "4,8,12,16");
    }

    @Test
    void shouldDrawTheBandsTheMapConfigNames() {
        assertThat(api().get("/api/map-config").json().get("bands")).extracting(JsonNode::asInt).containsExactlyElementsOf(BANDS);
        openPlan();

        // one ring per configured band, each its own colour
        waitForCount("path.band", BANDS.size());
        List<String> fills = new ArrayList<>();
        for (int m : BANDS) {
            assertThat(desktop.driver().findElements(By.cssSelector("path.band-" + m))).as("band " + m).hasSize(1);
            fills.add(Color.fromString(desktop.driver().findElement(By.cssSelector("path.band-" + m)).getCssValue("fill")).asHex());
        }
        assertThat(fills).doesNotHaveDuplicates();
        // the near band is the ramp's green, the far one its yellow
        assertThat(fills.get(0)).isEqualTo("#1a9850");
        assertThat(fills.get(fills.size() - 1)).isEqualTo("#fee08b");

        // the layer's title, the gap and district band choices and the legend follow the same list
        assertThat(desktop.driver().findElement(By.cssSelector("input[data-layer='bands']")).findElement(By.xpath("./..")).getText())
                .contains("4/8/12/16 分钟");
        for (String select : List.of("gap-minutes", "district-minutes")) {
            assertThat(desktop.driver().findElements(By.cssSelector("#" + select + " option")))
                    .extracting(o -> Integer.parseInt(o.getAttribute("value"))).as(select).containsExactlyElementsOf(BANDS);
        }
        assertThat(desktop.driver().findElement(By.id("gap-minutes")).getAttribute("value")).isEqualTo("16");
        @SuppressWarnings("unchecked")
        List<String> legend = (List<String>) desktop.js(
                "return [...document.querySelectorAll('.legend-extra li')].map(e => e.textContent).filter(t => t.endsWith('分钟内'))");
        assertThat(legend).containsExactly("4 分钟内", "8 分钟内", "12 分钟内", "16 分钟内");
        // and every coverage request the page made asked for them
        assertThat((String) desktop.js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => n.includes('/api/coverage')).filter(n => !n.includes('bands=4%2C8%2C12%2C16')).join(' ')"))
                .as("coverage requests without the configured bands").isEmpty();
    }

    @Test
    void shouldDrawEachKindWithTheCatalogsNameGlyphAndColour() {
        JsonNode catalog = api().get("/api/catalog").json();
        Map<String, JsonNode> kinds = new LinkedHashMap<>();
        catalog.get("kinds").forEach(k -> kinds.put(k.get("code").asText(), k));
        assertThat(kinds.values()).allSatisfy(k -> {
            assertThat(k.get("glyph").asText()).hasSize(1);
            assertThat(k.get("color").asText()).matches("#[0-9a-f]{6}");
        });
        openPlan();

        // the layer panel: one row per kind present, the catalog's glyph on the catalog's colour
        List<WebElement> rows = desktop.driver().findElements(By.cssSelector(".layer-kind"));
        assertThat(rows).isNotEmpty();
        List<String> order = new ArrayList<>();
        for (WebElement row : rows) {
            String code = row.findElement(By.cssSelector("input")).getAttribute("data-kind");
            JsonNode kind = kinds.get(code);
            assertThat(kind).as(code).isNotNull();
            order.add(code);
            WebElement glyph = row.findElement(By.cssSelector(".st-glyph"));
            assertThat(glyph.getText()).as(code).isEqualTo(kind.get("glyph").asText());
            assertThat(Color.fromString(glyph.getCssValue("background-color")).asHex()).as(code).isEqualTo(kind.get("color").asText());
            assertThat(row.findElement(By.cssSelector("span:last-child")).getText()).as(code).startsWith(kind.get("nameZh").asText() + "（");
        }
        assertThat(order).as("in the catalog's order").isSubsetOf(kinds.keySet())
                .isSortedAccordingTo((a, b) -> kinds.get(a).get("sortOrder").asInt() - kinds.get(b).get("sortOrder").asInt());

        // the legend: the same kinds by the catalog's names, and the markers use the catalog's colour
        @SuppressWarnings("unchecked")
        List<String> legend = (List<String>) desktop.js("return [...document.querySelectorAll('.legend-kinds li')].map(e => e.textContent)");
        assertThat(legend).containsExactlyElementsOf(order.stream().map(c -> kinds.get(c).get("glyph").asText() + kinds.get(c).get("nameZh").asText()).toList());
        desktop.js("const s = window.servicemap; const c = s.stationData.features[0].geometry.coordinates;"
                + " s.map.setView(s.view.toDisplay(c[0], c[1]), 18, {animate: false});");
        desktop.waitFor(Duration.ofSeconds(10), d -> !d.findElements(By.cssSelector(".station-marker")).isEmpty());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> markers = (List<Map<String, Object>>) desktop.js(
                "const s = window.servicemap; const out = [];"
                        + "for (const f of s.stationData.features) {"
                        + "  const m = document.querySelector('.station-marker[data-station-id=\"' + f.id + '\"]');"
                        + "  if (m) out.push({kind: f.properties.kind, glyph: m.querySelector('.sm-glyph').textContent,"
                        + "    color: m.querySelector('.sm-pin').style.getPropertyValue('--kind').trim()});"
                        + "} return out;");
        assertThat(markers).isNotEmpty().allSatisfy(m -> {
            JsonNode kind = kinds.get((String) m.get("kind"));
            assertThat(m.get("glyph")).isEqualTo(kind.get("glyph").asText());
            assertThat(m.get("color")).isEqualTo(kind.get("color").asText());
        });
    }

    @Test
    void shouldShowMarkupInDistrictAndGapNamesAsText() {
        // rename, through the import API, the district of the biggest gap to a name holding markup
        JsonNode gap = api().get("/api/coverage/gaps?profile=WALK&minutes=16&limit=10").json().get("features").get(0).get("properties");
        String adcode = gap.get("adcode").asText();
        JsonNode district = api().get("/api/districts/" + adcode).json();
        String name = MARKUP + district.get("properties").get("name").asText();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("adcode", adcode);
        properties.put("name", name);
        properties.put("parent", district.get("properties").get("parentAdcode"));
        properties.put("level", district.get("properties").get("level"));
        Map<String, Object> fc = Map.of("type", "FeatureCollection",
                "features", List.of(Map.of("type", "Feature", "properties", properties, "geometry", district.get("geometry"))));
        var imported = api().upload("/api/districts/imports?crs=WGS84", "markup.geojson", api().json().writeValueAsBytes(fc));
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(api().get("/api/districts/" + adcode).json().get("properties").get("name").asText()).isEqualTo(name);
        desktop.waitFor(Duration.ofSeconds(30), d -> name.equals(api().get("/api/coverage/gaps?profile=WALK&minutes=16&limit=10")
                .json().get("features").get(0).get("properties").get("districtName").asText()));

        openPlan();
        waitForCount("path.gap", api().get("/api/coverage/gaps?profile=WALK&minutes=16&limit=10").json().get("features").size());
        // every gap's tooltip, opened: the name as text, no element made from it
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> gapTips = (List<Map<String, Object>>) desktop.js(TOOLTIPS, "gaps");
        assertThat(gapTips).isNotEmpty();
        assertThat(gapTips).filteredOn(t -> ((String) t.get("text")).contains(name)).isNotEmpty();
        assertThat(gapTips).allSatisfy(t -> assertThat(t.get("elements")).as((String) t.get("text")).isEqualTo(0L));

        // the districts: tooltips, labels and the popup
        desktop.driver().findElement(By.cssSelector("input[data-layer='districts']")).click();
        desktop.waitFor(Duration.ofSeconds(15), d -> !d.findElements(By.cssSelector("path.district[data-adcode='" + adcode + "']")).isEmpty());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> districtTips = (List<Map<String, Object>>) desktop.js(TOOLTIPS, "districts");
        assertThat(districtTips).filteredOn(t -> ((String) t.get("text")).startsWith(name)).hasSize(1);
        assertThat(districtTips).allSatisfy(t -> assertThat(t.get("elements")).as((String) t.get("text")).isEqualTo(0L));
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) desktop.js("return [...document.querySelectorAll('.district-name span')].map(e => e.textContent)");
        assertThat(labels).filteredOn(l -> l.startsWith(name)).hasSize(1);
        desktop.js("const s = window.servicemap; s.districts.group.eachLayer(g => g.eachLayer && g.eachLayer(l => {"
                + " if (l.feature && l.feature.properties.adcode === arguments[0]) l.openPopup(); }));", adcode);
        WebElement popup = desktop.waitFor(Duration.ofSeconds(5), d -> d.findElements(By.cssSelector(".district-popup")).stream().findFirst().orElse(null));
        assertThat(popup.findElement(By.cssSelector("strong")).getText()).isEqualTo(name);
        desktop.screenshot("plan-markup-district-name");

        // nothing anywhere on the page was made from the markup, and its script never ran
        assertThat(desktop.js("return document.querySelectorAll('img[src=\"x\"], .leaflet-pane b, .leaflet-tooltip b').length")).isEqualTo(0L);
        desktop.js("return new Promise(r => setTimeout(r, 500))");
        assertThat(desktop.js("return window.__xss === undefined")).isEqualTo(true);
    }

    /**
     * Opens and closes each tooltip of a feature's layers (arguments[0]: gaps | districts) and
     * returns their text and how many elements the tooltip's content holds besides its own text node.
     */
    private static final String TOOLTIPS = "const s = window.servicemap; const out = [];"
            + "s[arguments[0]].group.eachLayer(g => g.eachLayer && g.eachLayer(l => {"
            + "  if (!l.getTooltip || !l.getTooltip()) return;"
            + "  l.openTooltip(); const e = l.getTooltip().getElement();"
            + "  out.push({text: e.textContent, elements: e.querySelectorAll('img, b, script').length});"
            + "  l.closeTooltip(); }));"
            + "return out;";

    private void openPlan() {
        desktop.open("http://localhost:" + port() + "/plan");
        assertThat(desktop.waitForPageState()).isEqualTo("ready");
        desktop.waitFor(Duration.ofSeconds(60), d -> "ready".equals(desktop.js("return document.body.dataset.coverage")));
        desktop.waitFor(Duration.ofSeconds(60), d -> "0".equals(desktop.js("return document.body.dataset.busy")));
    }

    private void waitForCount(String css, int n) {
        desktop.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.cssSelector(css)).size() == n);
    }
}
