package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.support.Browser;
import cn.servicemap.support.DemoRegionTestBase;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * With a GCJ-02 online basemap (as AMap's), stations are drawn at their GCJ-02 positions and a
 * click on the map comes back as WGS84. The "online" tiles are served by this test (a plain grid
 * image): the test machine has no internet.
 */
@RequiresChromium
@Import(OnlineGcjBrowserTest.FakeOnlineTiles.class)
@org.springframework.test.context.TestPropertySource(properties = "test.demo-login=true")
class OnlineGcjBrowserTest extends DemoRegionTestBase {

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
        r.add("servicemap.map.online.url", () -> "/test-online-tiles/{z}/{x}/{y}.png");
        r.add("servicemap.map.online.crs", () -> "GCJ02");
        r.add("servicemap.map.online.name", () -> "测试在线地图");
        r.add("servicemap.map.online.attribution", () -> "测试在线底图");
    }

    @Test
    void shouldDrawStationsAtGcj02AndGiveClicksBackInWgs84() {
        JsonNode config = api().get("/api/map-config").json();
        assertThat(config.get("basemaps").get("online").get("crs").asText()).isEqualTo("GCJ02");
        try (Browser phone = new Browser(412, 860, 2)) {
            phone.open("http://localhost:" + port + "/?basemap=online");
            assertThat(phone.waitForPageState()).isEqualTo("ready");
            assertThat(phone.js("return window.servicemap.view.transform.crs")).isEqualTo("GCJ02");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) phone.js(
                    "return window.servicemap.stations.items.map(i => ({lon: i.feature.geometry.coordinates[0],"
                            + " lat: i.feature.geometry.coordinates[1], dLat: i.latlng.lat, dLng: i.latlng.lng}))");
            assertThat(items).isNotEmpty();
            for (Map<String, Object> i : items) {
                LonLat gcj = ChinaCoordinates.gcj02FromWgs84(num(i, "lon"), num(i, "lat"));
                assertThat(num(i, "dLng")).isCloseTo(gcj.lon(), within(1e-9));
                assertThat(num(i, "dLat")).isCloseTo(gcj.lat(), within(1e-9));
            }

            // A click at the displayed position of a station comes back as that station's WGS84 position.
            double lon = num(items.get(0), "lon");
            double lat = num(items.get(0), "lat");
            phone.js("const s = window.servicemap; s.map.removeLayer(s.stations.group);"
                    + "s.map.setView(s.view.toDisplay(arguments[0], arguments[1]), 18, {animate: false});"
                    + "window.lastClick = null; s.view.onClick((lon, lat) => { window.lastClick = [lon, lat]; });", lon, lat);
            WebElement map = phone.driver().findElement(By.id("map"));
            new Actions(phone.driver()).moveToElement(map).click().perform();
            @SuppressWarnings("unchecked")
            List<Number> click = phone.waitFor(Duration.ofSeconds(5), d -> (List<Number>) phone.js("return window.lastClick"));
            // within two pixels at z18 (about 1.2 m), far below the ~500 m GCJ-02 offset in Nanjing
            assertThat(click.get(0).doubleValue()).isCloseTo(lon, within(2e-5));
            assertThat(click.get(1).doubleValue()).isCloseTo(lat, within(2e-5));
            // the same tap set the worker's position: the route to the nearest station is drawn shifted to GCJ-02 too
            phone.waitFor(Duration.ofSeconds(20), d -> !d.findElements(By.cssSelector(".nearest-row")).isEmpty());
            @SuppressWarnings("unchecked")
            List<List<Number>> route = (List<List<Number>>) phone.js("const n = window.servicemap.nearest;"
                    + "const wgs = n.result.stations[0].route.coordinates[0];"
                    + "let line = null; window.servicemap.map.eachLayer(l => { if (l.options && l.options.className === 'route-line') line = l; });"
                    + "const p = line.getLatLngs()[0]; return [wgs, [p.lng, p.lat]];");
            LonLat shifted = ChinaCoordinates.gcj02FromWgs84(route.get(0).get(0).doubleValue(), route.get(0).get(1).doubleValue());
            assertThat(route.get(1).get(0).doubleValue()).isCloseTo(shifted.lon(), within(1e-9));
            assertThat(route.get(1).get(1).doubleValue()).isCloseTo(shifted.lat(), within(1e-9));
            assertThat(phone.driver().findElements(By.cssSelector(".online-basemap img.leaflet-tile-loaded"))).isNotEmpty();
            assertThat(phone.driver().findElement(By.cssSelector(".leaflet-control-attribution")).getText()).contains("测试在线底图");
            assertThat(phone.severe(phone.log())).isEmpty();
        }
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    /** Stands in for an online tile service: the same light grid image for every tile. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class FakeOnlineTiles {
        private final byte[] png = grid();

        @GetMapping("/test-online-tiles/{z}/{x}/{y}.png")
        ResponseEntity<byte[]> tile() {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
        }

        private static byte[] grid() {
            BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(0xE8EEF4));
            g.fillRect(0, 0, 256, 256);
            g.setColor(new Color(0xB0BCC8));
            g.drawRect(0, 0, 255, 255);
            g.dispose();
            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                ImageIO.write(img, "png", out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
