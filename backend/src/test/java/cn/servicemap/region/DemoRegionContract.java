package cn.servicemap.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.districts.RegionIndex;
import cn.servicemap.stations.StationRepository;
import cn.servicemap.support.Api;
import cn.servicemap.support.DemoRegionTestBase;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import tools.jackson.databind.JsonNode;

/** The Nanjing demo region as a newcomer gets it on first start, on each database. */
abstract class DemoRegionContract extends DemoRegionTestBase {

    @Autowired
    DemoRegionLoader loader;
    @Autowired
    StationRepository stations;
    @Autowired
    RegionIndex region;

    @Test
    void shouldNameTheRegionAndCreditOpenStreetMap() {
        JsonNode r = api().get("/api/region").json();
        assertThat(r.get("region").get("code").asText()).isEqualTo("nanjing-core");
        assertThat(r.get("region").get("synthetic").asBoolean()).isFalse();
        assertThat(r.get("region").get("credits").toString()).contains("© OpenStreetMap contributors");
        assertThat(r.get("districts").asInt()).isEqualTo(11);
    }

    @Test
    void shouldLoadNanjingDistrictsWithTheirCensusPopulation() {
        JsonNode fc = api().get("/api/districts").json();
        assertThat(fc.get("features")).hasSize(11);
        long total = 0;
        for (JsonNode f : fc.get("features")) {
            total += f.get("properties").get("population").asLong();
        }
        assertThat(total).isEqualTo(9_314_685L); // the official 2020 census figure for Nanjing
        JsonNode xuanwu = api().get("/api/districts/320102").json().get("properties");
        assertThat(xuanwu.get("name").asText()).isEqualTo("玄武区");
        assertThat(xuanwu.get("population").asLong()).isEqualTo(537_825L);
        assertThat(xuanwu.get("areaKm2").asDouble()).as("official 75.46 km², DataV outline is simplified").isBetween(70.0, 82.0);
    }

    @Test
    void shouldHaveConvertedDataVBoundariesFromGcj02() {
        // Landmarks in WGS84 (OSM): 清凉山公园 in 鼓楼区, 夫子庙 in 秦淮区, 玄武湖 in 玄武区.
        assertThat(region.locator().locate(118.7513, 32.0434)).contains("320106");
        assertThat(region.locator().locate(118.7886, 32.0219)).contains("320104");
        assertThat(region.locator().locate(118.7950, 32.0750)).contains("320102");
    }

    @Test
    void shouldPlaceDemoStationsMarkedAsDemoAtOsmHostPlacesInTheCore() {
        Api api = api();
        JsonNode fc = api.get("/api/stations").json();
        assertThat(fc.get("count").asInt()).isGreaterThanOrEqualTo(30);
        Set<String> districts = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (JsonNode f : fc.get("features")) {
            JsonNode p = f.get("properties");
            if (!p.get("demo").asBoolean()) {
                continue; // other tests in this context add their own stations
            }
            assertThat(p.get("name").asText()).startsWith("【示例】");
            assertThat(p.get("source").asText()).containsPattern("OSM (node|way|relation)/\\d+");
            double lon = f.get("geometry").get("coordinates").get(0).asDouble();
            double lat = f.get("geometry").get("coordinates").get(1).asDouble();
            assertThat(lon).isBetween(118.765, 118.796);
            assertThat(lat).isBetween(32.028, 32.052);
            districts.add(p.get("adcode").asText());
            kinds.add(p.get("kind").asText());
        }
        assertThat(districts).isSubsetOf("320102", "320104", "320106").hasSizeGreaterThanOrEqualTo(2);
        assertThat(kinds).contains("OUTDOOR_STATION", "SERVICE_CENTRE", "READING_ROOM");
    }

    @Test
    void shouldNotLoadTheDemoTwice() throws Exception {
        int before = stations.count();
        loader.run(new DefaultApplicationArguments());
        assertThat(stations.count()).isEqualTo(before);
    }
}
