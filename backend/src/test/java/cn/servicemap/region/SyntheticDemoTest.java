package cn.servicemap.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Api;
import cn.servicemap.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Without the shared data the demo is a generated city, and says so everywhere it shows. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"servicemap.data-dir=${java.io.tmpdir}/servicemap-no-shared-data",
                "servicemap.network.cache-dir=target/network-cache-synthetic", "servicemap.network.warm-up=false",
                "servicemap.security.admin-username=" + Api.ADMIN, "servicemap.security.admin-password=" + Api.ADMIN_PASSWORD})
class SyntheticDemoTest {

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @Test
    void shouldLoadASyntheticCityLabelledSynthetic() {
        Api api = new Api(port);
        JsonNode region = api.get("/api/region").json().get("region");
        assertThat(region.get("synthetic").asBoolean()).isTrue();
        assertThat(region.get("nameZh").asText()).contains("synthetic");
        JsonNode stations = api.get("/api/stations").json();
        assertThat(stations.get("count").asInt()).isEqualTo(24);
        for (JsonNode f : stations.get("features")) {
            assertThat(f.get("properties").get("synthetic").asBoolean()).isTrue();
            assertThat(f.get("properties").get("source").asText()).contains("synthetic");
            assertThat(f.get("properties").get("adcode").asText()).startsWith("9901");
        }
        for (JsonNode d : api.get("/api/districts").json().get("features")) {
            assertThat(d.get("properties").get("synthetic").asBoolean()).isTrue();
            assertThat(d.get("properties").get("population").asLong()).isPositive();
        }
    }

    @Test
    void shouldComputeCoverageOnTheSyntheticStreetsAndSaySo() {
        Api api = new Api(port);
        JsonNode report = api.get("/api/coverage").json();
        assertThat(report.get("region").get("synthetic").asBoolean()).isTrue();
        assertThat(report.get("stations").get("counted").asInt()).isEqualTo(24);
        assertThat(report.get("total").get("people").asLong()).isPositive();
        assertThat(report.get("districts")).as("districts in the report").isNotEmpty()
                .allSatisfy(d -> assertThat(d.get("populationMethod").asText()).as(d.get("adcode").asText()).contains("synthetic"));
        assertThat(report.get("total").get("bands").get(2).get("peopleShare").asDouble()).isBetween(0.3, 1.0);
        JsonNode nearest = api.get("/api/nearest?lon=115.51&lat=29.51&k=2").json();
        assertThat(nearest.get("stations")).hasSize(2);
    }

    @Test
    void shouldDrawTheSyntheticStreetGridAsABasemapLabelledSynthetic() {
        Api api = new Api(port);
        JsonNode config = api.get("/api/map-config").json();
        assertThat(config.get("region").get("synthetic").asBoolean()).isTrue();
        assertThat(config.get("basemaps").get("offline").get("synthetic").asBoolean()).isTrue();
        assertThat(config.get("syntheticLabel").asText()).contains("合成示例数据");
        double lon = config.get("center").get(0).asDouble();
        double lat = config.get("center").get(1).asDouble();
        var tile = cn.servicemap.gis.basemap.TileId.containing(lon, lat, 16);
        JsonNode json = api.get("/api/basemap/" + tile.z() + "/" + tile.x() + "/" + tile.y() + ".json").json();
        assertThat(json.get("synthetic").asBoolean()).isTrue();
        assertThat(json.get("source").asText()).contains("synthetic");
        assertThat(json.get("layers").get("roads").get("features").size()).isPositive();
        assertThat(json.get("layers").get("labels").get("features")).as("labels of the centre tile").isNotEmpty()
                .allSatisfy(label -> assertThat(label.get("properties").get("name").asText()).startsWith("合成"));
    }
}
