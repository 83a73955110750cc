package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import cn.servicemap.support.DesktopBrowserTestBase;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The planner's 服务圈（瓦片） layer in real Chromium over the Nanjing demo: off by default; switched on it
 * asks GET /api/coverage/tiles/{z}/{x}/{y}.png with one colour per band (the bands layer's colours) and the
 * report's data version, and the tile at the map's centre, read back through a canvas, is transparent
 * outside the bands and painted in the first band's colour inside it.
 */
@RequiresChromium
class PlannerBandTilesBrowserTest extends DesktopBrowserTestBase {

    private static final Pattern TILE = Pattern.compile("/api/coverage/tiles/(\\d+)/(\\d+)/(\\d+)\\.png");
    /** The first (nearest) band's colour on the ramp of features/colors.js, whatever the number of bands. */
    private static final int[] FIRST_BAND = {0x1a, 0x98, 0x50};
    /** The same ramp for the usual three bands. */
    private static final List<String> THREE_BANDS = List.of("1a9850", "91cf60", "fee08b");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @Test
    void shouldDrawTheBandsAsTilesInTheBandColours() {
        openPlan();
        List<Integer> bands = StreamSupport.stream(api().get("/api/map-config").json().get("bands").spliterator(), false)
                .map(JsonNode::asInt).toList();
        String bandList = String.join(",", bands.stream().map(String::valueOf).toList());
        long version = api().get("/api/coverage?profile=WALK&bands=" + bandList).json().get("dataVersion").asLong();

        // the row sits next to the bands layer and is off by default: no tiles asked for yet
        assertThat((String) desktop.js("const r = document.querySelector(\"[data-layer-row='bandtiles']\");"
                + " return r && r.previousElementSibling && r.previousElementSibling.dataset.layerRow")).isEqualTo("bands");
        assertThat(desktop.driver().findElement(By.cssSelector("input[data-layer='bandtiles']")).isSelected()).isFalse();
        assertThat(desktop.driver().findElement(By.cssSelector("[data-layer-row='bandtiles'] .layer-title")).getText())
                .isEqualTo("服务圈（瓦片）");
        assertThat(tileSources()).isEmpty();

        // where the stations are, at zoom 14: a tile there holds both the near band and ground outside every band
        desktop.js("const s = window.servicemap; s.map.setView(s.map.getCenter(), 14, {animate: false});");
        toggle("bandtiles");

        // at least one tile image of the layer has loaded
        desktop.waitFor(Duration.ofSeconds(30), d -> !loadedTileSources().isEmpty());
        // and the one at the map's centre
        @SuppressWarnings("unchecked")
        List<Number> centre = (List<Number>) desktop.js("const m = window.servicemap.map, z = m.getZoom();"
                + " const p = m.project(m.getCenter(), z).divideBy(256).floor(); return [z, p.x, p.y];");
        String path = "/api/coverage/tiles/" + centre.get(0).intValue() + "/" + centre.get(1).intValue() + "/" + centre.get(2).intValue() + ".png";
        String src = desktop.waitFor(Duration.ofSeconds(30), d -> loadedTileSources().stream()
                .filter(s -> URI.create(s).getPath().equals(path)).findFirst().orElse(null));

        // the address: a tile of zoom 11–20 with one colour per band, the bands layer's colours, and the data version
        URI uri = URI.create(src);
        Matcher m = TILE.matcher(uri.getPath());
        assertThat(m.matches()).as(src).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isBetween(11, 20).isGreaterThanOrEqualTo(14);
        Map<String, String> q = query(uri);
        assertThat(q).containsEntry("profile", "WALK").containsEntry("bands", bandList).containsEntry("v", String.valueOf(version));
        assertThat(q).containsKey("colors");
        List<String> colors = Arrays.asList(q.get("colors").split(",", -1));
        assertThat(colors).hasSize(bands.size()).allMatch(c -> c.matches("[0-9a-f]{6}"));
        assertThat(colors.get(0)).isEqualTo("1a9850");
        if (bands.size() == 3) {
            assertThat(colors).containsExactlyElementsOf(THREE_BANDS);
        }
        // drawn faint, in its own pane below the GeoJSON bands
        assertThat(Double.parseDouble((String) desktop.js("return getComputedStyle(document.querySelector('.band-tile-layer')).opacity")))
                .isCloseTo(0.55, offset(0.01));
        assertThat(((Number) desktop.js("const pane = (n) => Number(getComputedStyle(window.servicemap.map.getPane(n)).zIndex);"
                + " return pane('bands') - pane('bandTiles');")).intValue()).isPositive();
        assertThat((Boolean) desktop.js("return window.servicemap.map.getPane('bandTiles').contains(document.querySelector('.band-tile-layer'))"))
                .isTrue();

        // the pixels, read back through a canvas: transparent outside the bands, the first band's colour inside it
        @SuppressWarnings("unchecked")
        Map<String, Object> px = (Map<String, Object>) desktop.jsAsync("""
                const [url, rgb, done] = arguments;
                fetch(url)
                  .then((r) => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.blob(); })
                  .then((b) => createImageBitmap(b))
                  .then((bmp) => {
                    const c = document.createElement('canvas');
                    c.width = bmp.width;
                    c.height = bmp.height;
                    const g = c.getContext('2d');
                    g.drawImage(bmp, 0, 0);
                    const d = g.getImageData(0, 0, c.width, c.height).data;
                    let transparent = 0, first = 0, other = 0;
                    for (let i = 0; i < d.length; i += 4) {
                      if (d[i + 3] === 0) transparent++;
                      else if (d[i + 3] === 255 && Math.abs(d[i] - rgb[0]) <= 2 && Math.abs(d[i + 1] - rgb[1]) <= 2
                          && Math.abs(d[i + 2] - rgb[2]) <= 2) first++;
                      else other++;
                    }
                    done({ width: c.width, height: c.height, transparent, first, other });
                  })
                  .catch((e) => done({ error: String(e) }));
                """, src, List.of(FIRST_BAND[0], FIRST_BAND[1], FIRST_BAND[2]));
        assertThat(px).as("tile " + src).doesNotContainKey("error");
        assertThat(((Number) px.get("width")).intValue()).isEqualTo(256);
        assertThat(((Number) px.get("height")).intValue()).isEqualTo(256);
        assertThat(((Number) px.get("transparent")).intValue()).as("transparent pixels in " + px).isPositive();
        assertThat(((Number) px.get("first")).intValue()).as("pixels of the first band's colour in " + px).isPositive();
        desktop.screenshot("plan-band-tiles");

        // off again: the tiles go
        toggle("bandtiles");
        desktop.waitFor(Duration.ofSeconds(5), d -> tileSources().isEmpty());
    }

    private void openPlan() {
        desktop.open("http://localhost:" + port() + "/plan");
        assertThat(desktop.waitForPageState()).isEqualTo("ready");
        desktop.waitFor(Duration.ofSeconds(30), d -> "ready".equals(desktop.js("return document.body.dataset.coverage")));
        desktop.waitFor(Duration.ofSeconds(30), d -> "0".equals(desktop.js("return document.body.dataset.busy")));
    }

    private void toggle(String layer) {
        desktop.driver().findElement(By.cssSelector("input[data-layer='" + layer + "']")).click();
    }

    @SuppressWarnings("unchecked")
    private List<String> tileSources() {
        return (List<String>) desktop.js("return [...document.querySelectorAll('.band-tile-layer img')].map(i => i.src)");
    }

    /** The layer's tile images that have loaded a whole 256 px tile. */
    @SuppressWarnings("unchecked")
    private List<String> loadedTileSources() {
        return (List<String>) desktop.js("return [...document.querySelectorAll('.band-tile-layer img')]"
                + ".filter(i => i.complete && i.naturalWidth === 256).map(i => i.src)");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
